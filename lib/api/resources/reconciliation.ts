import { z } from "zod";
import { maskPii } from "../../operations/mask";
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
