// Expected processing time per rail, shown before submitting and used by the gap detector.
// ACH clears in cycles (up to ~12 working hours when declined by the destination bank, per Mono's
// sandbox notes); Turbo and Transfiya/Bre-B are near real time.
export const RAILS = {
  co_ach: { label: "ACH", expected: "same business day (ACH cycles)", expectedMinutes: 12 * 60 },
  ach: { label: "ACH", expected: "same business day (ACH cycles)", expectedMinutes: 12 * 60 },
  co_mono_turbo: { label: "Mono Turbo", expected: "within minutes", expectedMinutes: 30 },
  turbo: { label: "Mono Turbo", expected: "within minutes", expectedMinutes: 30 },
  co_transfiya: { label: "Transfiya", expected: "within seconds", expectedMinutes: 10 },
  co_breb: { label: "Bre-B", expected: "within seconds", expectedMinutes: 10 },
} as const;
export type TRail = keyof typeof RAILS;
