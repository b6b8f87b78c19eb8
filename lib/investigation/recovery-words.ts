// The English sentences behind "Safe to retry?" and the key inspector (why a payload counts as
// changed, what the lookup at Mono found), each with a stable code and its values. Pure (no
// "server-only"): the server keeps the English for API consumers, audit details and logs, and the
// browser words the code in the person's language (the "investigation" catalogue,
// recovery.payloadReasons.<code> and recovery.evidence.<code>). A unit test holds the English
// catalogue, rendered with the values, equal to these sentences.

import { wordTable, type TWords } from "../api/word-table";

export type TWordParams = Record<string, string | number>;
/** A code and its values: what the browser words. */
export type TCoded<C extends string = string> = { code: C; params: TWordParams };
/** The same with the server's English sentence beside it. */
export type TWorded<C extends string = string> = TCoded<C> & { text: string };

const worded = <C extends string>(w: TWords<C>): TWorded<C> => ({
  code: w.code,
  params: w.params as TWordParams,
  text: w.english,
});

/** English sentences and codes, split for an answer that keeps both (`texts[i]` ↔ `codes[i]`). */
export function split(w: TWorded[]): { texts: string[]; codes: TCoded[] } {
  return {
    texts: w.map((x) => x.text),
    codes: w.map(({ code, params }) => ({ code, params })),
  };
}

// Why the body sent under a key is not the same payload every time.
const PAYLOAD_REASON_WORDS = {
  fingerprint_changed: () =>
    "The stored body no longer matches the fingerprint it was approved with",
  mono_refused_reuse: (p: { requestId: string }) =>
    `Mono refused ${p.requestId}: idempotency_key_reused`,
  mono_refused_reuse_logged: (p: { requestId: string; monoLogId: string }) =>
    `Mono refused ${p.requestId} (${p.monoLogId}): idempotency_key_reused`,
  bodies_differ: (p: { count: number; baseline: "stored" | "first" }) =>
    `${p.count} logged request bod${p.count === 1 ? "y differs" : "ies differ"} from the ${p.baseline === "stored" ? "stored operation body" : "first one sent"}`,
  console_payloads_differ: () =>
    "Console requests with this key carried different payloads (only their hashes are kept, so no field diff)",
};
const reasons = wordTable(PAYLOAD_REASON_WORDS);
export const PAYLOAD_REASONS = reasons.codes;
export type TPayloadReason = (typeof PAYLOAD_REASONS)[number];

export const payloadReason = {
  fingerprintChanged: () => worded(reasons.words("fingerprint_changed")),
  monoRefusedReuse: (requestId: string, monoLogId: string | null) =>
    monoLogId
      ? worded(reasons.words("mono_refused_reuse_logged", { requestId, monoLogId }))
      : worded(reasons.words("mono_refused_reuse", { requestId })),
  /** `count` logged bodies differ from the stored operation body, or from the first one sent. */
  bodiesDiffer: (count: number, baseline: "stored" | "first") =>
    worded(reasons.words("bodies_differ", { count, baseline })),
  consolePayloadsDiffer: () => worded(reasons.words("console_payloads_differ")),
};

// What the lookup at Mono (find-at-mono.ts) found or could not find. Numbers that can reach four
// digits travel as text, so they read the same in the API's English and in the catalogue's.
const MONO_EVIDENCE_WORDS = {
  /** `error`: describeMonoError's sentence (English). */
  lookup_failed: (p: { error: string }) => `Mono lookup failed: ${p.error}`,
  payout_found: (p: { payoutId: string; externalId: string; state: string }) =>
    `GET /v1/core/payouts/${p.payoutId}: external_id ${p.externalId}, state ${p.state}`,
  never_sent: () => "Never sent: no attempt was logged for this key",
  too_many_candidates: (p: { max: string }) =>
    `More than ${p.max} payouts of a similar amount since the first send: check by hand`,
  hold_matches: (p: { holdId: string; accountId: string; payoutId: string; state: string }) =>
    `Ledger hold ${p.holdId} on ${p.accountId} → GET /v1/core/payouts/${p.payoutId}: external_id matches, state ${p.state}`,
  holds_read: (p: {
    accountId: string;
    since: string;
    total: string;
    fetched: string;
    externalId: string;
  }) =>
    `Read every payout hold on ${p.accountId} since ${p.since} (${p.total}); ${p.fetched} of a similar amount, none with external_id ${p.externalId}`,
  no_hold_if_refused: () =>
    "A payout refused at creation for insufficient funds places no hold: it moved no money either",
  too_many_holds: (p: { max: string }) =>
    `More than ${p.max} payout holds since the first send: check by hand`,
  no_transfer_rows: () => "The operation has no transfer rows",
  transfer_found: (p: { externalId: string; transferId: string; batchId: string; state: string }) =>
    `GET /v1/transfers?external_id=${p.externalId}: ${p.transferId} in batch ${p.batchId} (${p.state})`,
  transfer_none: (p: { externalId: string }) =>
    `GET /v1/transfers?external_id=${p.externalId}: none`,
};
const evidence = wordTable(MONO_EVIDENCE_WORDS);
export const MONO_EVIDENCE = evidence.codes;
export type TMonoEvidence = (typeof MONO_EVIDENCE)[number];

export const monoEvidence = {
  lookupFailed: (error: string) => worded(evidence.words("lookup_failed", { error })),
  payoutFound: (payoutId: string, externalId: string, state: string) =>
    worded(evidence.words("payout_found", { payoutId, externalId, state })),
  neverSent: () => worded(evidence.words("never_sent")),
  tooManyCandidates: (max: number) =>
    worded(evidence.words("too_many_candidates", { max: String(max) })),
  holdMatches: (holdId: string, accountId: string, payoutId: string, state: string) =>
    worded(evidence.words("hold_matches", { holdId, accountId, payoutId, state })),
  /** `total`: the count Mono gave, or null when it gave none ("all"). */
  holdsRead: (
    accountId: string,
    since: string,
    total: number | null,
    fetched: number,
    externalId: string,
  ) =>
    worded(
      evidence.words("holds_read", {
        accountId,
        since,
        total: total === null ? "all" : String(total),
        fetched: String(fetched),
        externalId,
      }),
    ),
  noHoldIfRefused: () => worded(evidence.words("no_hold_if_refused")),
  tooManyHolds: (max: number) => worded(evidence.words("too_many_holds", { max: String(max) })),
  noTransferRows: () => worded(evidence.words("no_transfer_rows")),
  transferFound: (externalId: string, transferId: string, batchId: string, state: string) =>
    worded(evidence.words("transfer_found", { externalId, transferId, batchId, state })),
  transferNone: (externalId: string) => worded(evidence.words("transfer_none", { externalId })),
};
