import { z } from "zod";
import { maskPii, maskTarget, maskText } from "../../operations/mask";
import { maskItem } from "./operation";
import { present, ZIso, ZJsonObject } from "./wire";

// Investigation resources: the operation timeline, the evidence bundle, the idempotency-key
// inspector and the safe-to-retry verdict. Stored JSON inside them (audit details, sent bodies,
// webhook and reconciliation evidence) goes through maskPii; free text through maskText.

export const ZTimelineKind = z.enum([
  "created",
  "policy",
  "approval",
  "attempt",
  "confirmation",
  "webhook",
  "state",
  "reconciliation",
  "audit",
]);
export const ZTimelineEvent = z.object({
  at: ZIso,
  kind: ZTimelineKind,
  title: z.string(),
  actor: z.string().nullable(),
  tone: z.enum(["neutral", "good", "bad", "warn"]),
  ids: z.object({
    requestId: z.string().optional(),
    monoLogId: z.string().nullable().optional(),
    idempotencyKey: z.string().nullable().optional(),
    callId: z.string().optional(),
    monoObjectId: z.string().nullable().optional(),
    auditSeq: z.string().optional(),
  }),
  details: ZJsonObject,
});
export const ZTimeline = z.object({
  operationId: z.string(),
  state: z.string(),
  events: z.array(ZTimelineEvent),
  truncated: z.boolean(),
});
export type TTimeline = z.infer<typeof ZTimeline>;
export type TTimelineEvent = z.infer<typeof ZTimelineEvent>;

/** Masks free text and personal numbers in one event's details (JSON-safe input). */
function maskDetails(details: unknown): unknown {
  const masked = maskPii(details);
  if (!masked || typeof masked !== "object" || Array.isArray(masked)) return masked;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(masked))
    out[k] = typeof v === "string" && /error|message|reason$/i.test(k) ? maskText(v) : v;
  return out;
}

export function presentTimeline(t: {
  events: { details: unknown }[];
  [k: string]: unknown;
}): TTimeline {
  return present(ZTimeline, {
    ...t,
    events: t.events.map((e) => ({ ...e, details: maskDetails(toPlain(e.details)) })),
  });
}

// Dates and BigInts inside details become JSON first, so the masker walks plain values.
function toPlain(v: unknown): unknown {
  return JSON.parse(
    JSON.stringify(v ?? {}, (_k, x: unknown) => (typeof x === "bigint" ? Number(x) : x)),
  ) as unknown;
}

export const ZEvidence = z.object({
  format: z.literal("mono-ops-evidence/1"),
  generatedAt: ZIso,
  generatedBy: z.string().nullable(),
  summary: ZJsonObject,
  monoLogIds: z.array(z.string()),
  requestIds: z.array(z.string()),
  idempotencyKeys: z.array(z.string()),
  requests: z.array(ZJsonObject),
  sentBody: z.unknown(),
  beneficiary: z.unknown(),
  items: z.array(ZJsonObject),
  timeline: z.array(ZTimelineEvent),
});
export type TEvidence = z.infer<typeof ZEvidence>;

export function presentEvidence(b: {
  sentBody: unknown;
  beneficiary: unknown;
  items: { accountNumber: string }[];
  timeline: { details: unknown }[];
  summary: Record<string, unknown>;
  [k: string]: unknown;
}): TEvidence {
  return present(ZEvidence, {
    ...b,
    summary: maskDetails(toPlain(b.summary)),
    sentBody: maskPii(toPlain(b.sentBody)),
    beneficiary: maskTarget(b.beneficiary),
    items: b.items.map(maskItem),
    timeline: b.timeline.map((e) => ({ ...e, details: maskDetails(toPlain(e.details)) })),
  });
}

// The key inspector and the safe-to-retry verdict: other fields pass through as they are (loose
// objects); what could hold a personal number is masked.
const ZDiff = z.object({
  path: z.string(),
  change: z.enum(["added", "removed", "changed"]),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
export const ZKeyInspection = z.looseObject({
  key: z.string(),
  operation: z.looseObject({ id: z.string(), state: z.string() }).nullable(),
  attempts: z.array(z.looseObject({ requestId: z.string() })),
  consoleRequests: z.array(z.looseObject({ route: z.string(), state: z.string() })),
  mismatch: z.looseObject({
    detected: z.boolean(),
    reasons: z.array(z.string()),
    diffs: z.array(z.looseObject({ requestId: z.string(), diff: z.array(ZDiff) })),
  }),
});
const maskValue = (v: unknown) => (typeof v === "string" ? maskText(v) : maskPii(v));
// Free text a person or Mono wrote (error messages, reasons) at any depth: long digit runs masked.
function maskFreeText(v: unknown, key = ""): unknown {
  if (typeof v === "string") return /message|error|reason|detail/i.test(key) ? maskText(v) : v;
  if (Array.isArray(v)) return v.map((x) => maskFreeText(x, key));
  if (v && typeof v === "object")
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, maskFreeText(x, k)]));
  return v;
}
export function presentKeyInspection(k: unknown) {
  const plain = maskFreeText(maskPii(toPlain(k))) as {
    mismatch?: { diffs?: { diff?: { before?: unknown; after?: unknown }[] }[] };
  };
  for (const d of plain.mismatch?.diffs ?? [])
    d.diff = (d.diff ?? []).map((x) => ({
      ...x,
      ...("before" in x ? { before: maskValue(x.before) } : {}),
      ...("after" in x ? { after: maskValue(x.after) } : {}),
    }));
  return present(ZKeyInspection, plain);
}

export const ZSafeToRetry = z.looseObject({
  operationId: z.string(),
  facts: z.looseObject({ state: z.string() }),
  mono: z.looseObject({ presence: z.string(), evidence: z.array(z.string()) }).nullable(),
  payloadReasons: z.array(z.string()),
  verdict: z.looseObject({ code: z.string(), headline: z.string(), why: z.string() }),
});
function maskVerdict(v: unknown): unknown {
  const plain = maskFreeText(maskPii(toPlain(v))) as { mono?: { evidence?: string[] } | null };
  if (plain.mono?.evidence) plain.mono.evidence = plain.mono.evidence.map(maskText);
  return plain;
}
export function presentSafeToRetry(v: unknown) {
  return present(ZSafeToRetry, maskVerdict(v));
}
export const ZRecoveryOutcome = z.object({
  action: z.string(),
  outcome: z.string(),
  after: ZSafeToRetry,
});
export function presentRecoveryOutcome(o: { after: unknown; [k: string]: unknown }) {
  return present(ZRecoveryOutcome, { ...o, after: maskVerdict(o.after) });
}
