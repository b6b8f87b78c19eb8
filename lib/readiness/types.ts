// One pre-launch check (docs/DESIGN.md P27): what was checked, the verdict, and for
// anything but a pass, what to do about it.
export type TCheckStatus = "pass" | "warn" | "fail" | "skip";
export type TCheck = {
  id: string;
  title: string;
  status: TCheckStatus;
  detail: string;
  fix?: string;
  ms?: number;
};
export type TReadinessReport = { environment: string; at: string; ok: boolean; checks: TCheck[] };
