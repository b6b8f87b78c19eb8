import type { TDetailCode, TFixCode, TParams } from "./words";

// One pre-launch check (docs/DESIGN.md P27): what was checked, the verdict, and for
// anything but a pass, what to do about it. The title, detail and fix are in English (for the API,
// `npm run preflight` and logs); the browser words the id and the codes with their params in the
// person's language (lib/readiness/words.ts).
export type TCheckStatus = "pass" | "warn" | "fail" | "skip";
export type TCheck = {
  id: string;
  title: string;
  status: TCheckStatus;
  detail: string;
  detailCode: TDetailCode;
  detailParams?: TParams;
  fix?: string;
  fixCode?: TFixCode;
  fixParams?: TParams;
  ms?: number;
};
export type TReadinessReport = { environment: string; at: string; ok: boolean; checks: TCheck[] };
