import { z } from "zod";
import { maskPii, maskText } from "../../operations/mask";
import { DRIFT_KINDS } from "../../reconcile/list-query";
import { present, ZIso, ZJsonObject } from "./wire";

// Reconciliation findings: the evidence holds Mono's objects as read (which may name a
// beneficiary's account), masked on the way out.
export const ZFinding = z.object({
  id: z.string(),
  runId: z.string(),
  kind: z.enum(DRIFT_KINDS),
  severity: z.enum(["critical", "warning", "info"]),
  operationId: z.string().nullable(),
  monoObjectId: z.string().nullable(),
  evidence: ZJsonObject,
  createdAt: ZIso,
  resolvedAt: ZIso.nullable(),
  resolvedBy: z.string().nullable().default(null), // the resolver's e-mail
  resolution: z.string().nullable(),
});
export type TFinding = z.infer<typeof ZFinding>;
export const ZFindingPage = z.object({
  findings: z.array(ZFinding),
  nextBefore: z.string().nullable(),
});
export function presentFinding(f: { evidence: unknown } & Record<string, unknown>): TFinding {
  return present(ZFinding, { ...f, evidence: maskPii(f.evidence) });
}
export function presentFindingPage(p: {
  findings: ({ evidence: unknown } & Record<string, unknown>)[];
  nextBefore: string | null;
}) {
  return present(ZFindingPage, {
    findings: p.findings.map((f) => ({ ...f, evidence: maskPii(f.evidence) })),
    nextBefore: p.nextBefore,
  });
}

// A reconciliation run. `summary` is stored JSON, written when the run finishes (null while it
// runs or when it failed); `error` is the failure's message, masked.
export const ZRunSummary = z.object({
  findings: z.number().int(),
  created: z.number().int(),
  stillOpen: z.number().int(),
  newCritical: z.number().int().optional(),
  byKind: z.record(z.string(), z.number().int()),
  checked: z.record(z.string(), z.number().int()), // payouts, transfers, ledgerAccounts, bankAccounts
  busyAccounts: z.array(z.string()),
});
export const ZRun = z.object({
  id: z.string(),
  trigger: z.enum(["schedule", "manual"]),
  windowStart: ZIso,
  windowEnd: ZIso,
  state: z.enum(["running", "done", "failed"]),
  startedAt: ZIso,
  finishedAt: ZIso.nullable(),
  error: z.string().nullable(),
  summary: ZRunSummary.nullable(),
});
export type TRun = z.infer<typeof ZRun>;
type TRunLike = { error: string | null } & Record<string, unknown>;
const maskRun = (r: TRunLike) => ({ ...r, error: r.error === null ? null : maskText(r.error) });

// The runs card: the latest runs with how many findings each created, and the open findings by
// severity.
export const ZRunList = z.object({
  runs: z.array(ZRun.extend({ newFindings: z.number().int() })),
  open: z.partialRecord(z.enum(["critical", "warning", "info"]), z.number().int()),
});
export type TRunList = z.infer<typeof ZRunList>;
export function presentRunList(l: { runs: TRunLike[]; open: Record<string, number> }) {
  return present(ZRunList, { runs: l.runs.map(maskRun), open: l.open });
}

// "Run now" answers the finished run.
export const ZRunResult = z.object({ run: ZRun });
export function presentRunResult(run: TRunLike) {
  return present(ZRunResult, { run: maskRun(run) });
}

// Resolving a finding answers it as it is now.
export const ZFindingChange = z.object({ finding: ZFinding });
