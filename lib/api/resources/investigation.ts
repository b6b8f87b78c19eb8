import { z } from "zod";
import { maskPii, maskTarget, maskText } from "../../operations/mask";
import { RECOVERY_ACTIONS, VERDICT_CODES } from "../../investigation/retry-verdict";
import { MONO_EVIDENCE, PAYLOAD_REASONS } from "../../investigation/recovery-words";
import { maskItem } from "./operation";
import { present, ZIso, ZJsonObject, ZMoney } from "./wire";

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
  "note",
  "audit",
]);
export const ZTimelineEvent = z.object({
  at: ZIso,
  kind: ZTimelineKind,
  // English (API consumers, logs); the browser words titleCode + titleParams from the
  // investigation catalogue (timeline.titles.<code>, lib/investigation/timeline-title.ts).
  title: z.string(),
  titleCode: z.string(),
  titleParams: z.record(z.string(), z.union([z.string(), z.number()])),
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

// The key inspector and the safe-to-retry verdict: strict like every other resource (fields not
// named here are dropped); what could hold a personal number is masked (error messages, reasons,
// the diffs' values). Mono's own objects (`mono.transfers`) are not answered: the evidence strings
// say what was found.
export const ZPayloadDiff = z.object({
  path: z.string(), // a JSON pointer ("/target/account_number")
  change: z.enum(["added", "removed", "changed"]),
  before: z.unknown().optional(),
  after: z.unknown().optional(),
});
export type TPayloadDiff = z.infer<typeof ZPayloadDiff>;
// A server sentence as a code and its values (lib/investigation/recovery-words.ts), beside the
// English one: the browser words it in the person's language.
const ZWordParams = z.record(z.string(), z.union([z.string(), z.number()]));
const ZPayloadReasonCode = z.object({ code: z.enum(PAYLOAD_REASONS), params: ZWordParams });
const ZMonoEvidenceCode = z.object({ code: z.enum(MONO_EVIDENCE), params: ZWordParams });
export const ZKeyAttempt = z.object({
  requestId: z.string(),
  monoLogId: z.string().nullable(),
  callId: z.string(),
  attempt: z.number().int(),
  method: z.string(),
  endpoint: z.string(),
  status: z.number().int().nullable(),
  statusClass: z.string(),
  errorCode: z.string().nullable(),
  durationMs: z.number(),
  delayBeforeMs: z.number(),
  delayReason: z.string().nullable(),
  at: ZIso,
  operationId: z.string().nullable(),
});
export const ZKeyInspection = z.object({
  key: z.string(),
  operation: z
    .object({
      id: z.string(),
      kind: z.string(),
      state: z.string(),
      externalId: z.string(),
      fingerprint: z.string(),
      monoId: z.string().nullable(),
      monoState: z.string().nullable(),
      attemptCount: z.number().int(),
      lastErrorCode: z.string().nullable(),
      lastErrorMessage: z.string().nullable(),
      lockedUntil: ZIso.nullable(),
      lockedBy: z.string().nullable(),
      firstSentAt: ZIso.nullable(),
      createdAt: ZIso,
    })
    .nullable(),
  lease: z.object({
    active: z.boolean(),
    lockedUntil: ZIso.nullable(),
    lockedBy: z.string().nullable(),
    ageMs: z.number().nullable(),
  }),
  window: z.object({
    startedAt: ZIso.nullable(),
    endsAt: ZIso.nullable(),
    leftMs: z.number().nullable(),
    expired: z.boolean(),
    startedBy: z.string().nullable(),
  }),
  attempts: z.array(ZKeyAttempt),
  consoleRequests: z.array(
    z.object({
      route: z.string(),
      state: z.string(),
      requestHash: z.string(),
      responseStatus: z.number().int().nullable(),
      lockedUntil: ZIso,
      createdAt: ZIso,
      user: z.string().nullable(), // the e-mail of the console user who sent it
    }),
  ),
  mismatch: z.object({
    detected: z.boolean(),
    reasons: z.array(z.string()), // English
    reasonCodes: z.array(ZPayloadReasonCode), // the same reasons, in the same order
    baseline: z.enum(["stored operation body", "first logged body"]).nullable(),
    diffs: z.array(
      z.object({
        requestId: z.string(),
        monoLogId: z.string().nullable(),
        at: ZIso,
        diff: z.array(ZPayloadDiff),
      }),
    ),
  }),
});
export type TKeyInspection = z.infer<typeof ZKeyInspection>;
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

const ZPresence = z.enum(["yes", "no", "unknown"]);
export const ZSafeToRetry = z.object({
  operationId: z.string(),
  facts: z.object({
    state: z.string(),
    leaseActive: z.boolean(),
    neverSent: z.boolean(),
    insideWindow: z.boolean(), // Mono's 24 h idempotency window, from the first send
    payloadMatches: z.boolean(),
    monoHasIt: ZPresence,
    windowEndsAt: ZIso.nullable(),
    windowLeftMs: z.number().nullable(),
    lockedUntil: ZIso.nullable(),
    attemptCount: z.number().int(),
    lastErrorCode: z.string().nullable(),
  }),
  mono: z
    .object({
      presence: ZPresence,
      monoId: z.string().optional(),
      monoState: z.string().optional(),
      monoStateReason: z.string().nullable().optional(),
      sourceAmount: ZMoney.optional(),
      evidence: z.array(z.string()), // English
      evidenceCodes: z.array(ZMonoEvidenceCode), // the same evidence, in the same order
    })
    .nullable(), // null: not looked up (nothing to recover, or a send in flight)
  payloadReasons: z.array(z.string()), // English
  payloadReasonCodes: z.array(ZPayloadReasonCode), // the same reasons, in the same order
  verdict: z.object({
    code: z.enum(VERDICT_CODES),
    // state: for not_applicable; mono ("no" | "unknown"): for retry_same_key and reconcile_first
    params: z.object({ state: z.string().optional(), mono: z.enum(["no", "unknown"]).optional() }),
    headline: z.string(), // English, as `why`
    why: z.string(),
    allowed: z.array(z.enum(RECOVERY_ACTIONS)),
  }),
});
export type TSafeToRetry = z.infer<typeof ZSafeToRetry>;
function maskVerdict(v: unknown): unknown {
  const plain = maskFreeText(maskPii(toPlain(v))) as {
    mono?: { evidence?: string[]; evidenceCodes?: { params?: Record<string, unknown> }[] } | null;
  };
  if (plain.mono?.evidence) plain.mono.evidence = plain.mono.evidence.map(maskText);
  // The evidence's values are masked as its English is, so both read the same.
  for (const e of plain.mono?.evidenceCodes ?? [])
    if (e.params)
      e.params = Object.fromEntries(
        Object.entries(e.params).map(([k, x]) => [k, typeof x === "string" ? maskText(x) : x]),
      );
  return plain;
}
export function presentSafeToRetry(v: unknown) {
  return present(ZSafeToRetry, maskVerdict(v));
}
export const ZRecoveryOutcome = z.object({
  action: z.enum(RECOVERY_ACTIONS),
  outcome: z.string(),
  after: ZSafeToRetry,
});
export type TRecoveryOutcome = z.infer<typeof ZRecoveryOutcome>;
export function presentRecoveryOutcome(o: { after: unknown; [k: string]: unknown }) {
  return present(ZRecoveryOutcome, { ...o, after: maskVerdict(o.after) });
}
