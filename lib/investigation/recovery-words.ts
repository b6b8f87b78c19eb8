// The English sentences behind "Safe to retry?" and the key inspector (why a payload counts as
// changed, what the lookup at Mono found), each with a stable code and its values. Pure (no
// "server-only"): the server keeps the English for API consumers, audit details and logs, and the
// browser words the code in the person's language (the "investigation" catalogue,
// recovery.payloadReasons.<code> and recovery.evidence.<code>). A unit test holds the English
// catalogue, rendered with the values, equal to these sentences.

export type TWordParams = Record<string, string | number>;
/** A code and its values: what the browser words. */
export type TCoded<C extends string = string> = { code: C; params: TWordParams };
/** The same with the server's English sentence beside it. */
export type TWorded<C extends string = string> = TCoded<C> & { text: string };

const worded = <C extends string>(code: C, params: TWordParams, text: string): TWorded<C> => ({
  code,
  params,
  text,
});

/** English sentences and codes, split for an answer that keeps both (`texts[i]` ↔ `codes[i]`). */
export function split(w: TWorded[]): { texts: string[]; codes: TCoded[] } {
  return {
    texts: w.map((x) => x.text),
    codes: w.map(({ code, params }) => ({ code, params })),
  };
}

// Why the body sent under a key is not the same payload every time.
export const PAYLOAD_REASONS = [
  "fingerprint_changed",
  "mono_refused_reuse",
  "mono_refused_reuse_logged",
  "bodies_differ",
  "console_payloads_differ",
] as const;
export type TPayloadReason = (typeof PAYLOAD_REASONS)[number];

export const payloadReason = {
  fingerprintChanged: () =>
    worded(
      "fingerprint_changed",
      {},
      "The stored body no longer matches the fingerprint it was approved with",
    ),
  monoRefusedReuse: (requestId: string, monoLogId: string | null) =>
    monoLogId
      ? worded(
          "mono_refused_reuse_logged",
          { requestId, monoLogId },
          `Mono refused ${requestId} (${monoLogId}): idempotency_key_reused`,
        )
      : worded(
          "mono_refused_reuse",
          { requestId },
          `Mono refused ${requestId}: idempotency_key_reused`,
        ),
  /** `count` logged bodies differ from the stored operation body, or from the first one sent. */
  bodiesDiffer: (count: number, baseline: "stored" | "first") =>
    worded(
      "bodies_differ",
      { count, baseline },
      `${count} logged request bod${count === 1 ? "y differs" : "ies differ"} from the ${baseline === "stored" ? "stored operation body" : "first one sent"}`,
    ),
  consolePayloadsDiffer: () =>
    worded(
      "console_payloads_differ",
      {},
      "Console requests with this key carried different payloads (only their hashes are kept, so no field diff)",
    ),
} satisfies Record<string, (...a: never[]) => TWorded<TPayloadReason>>;

// What the lookup at Mono (find-at-mono.ts) found or could not find. Numbers that can reach four
// digits travel as text, so they read the same in the API's English and in the catalogue's.
export const MONO_EVIDENCE = [
  "lookup_failed",
  "payout_found",
  "never_sent",
  "too_many_candidates",
  "hold_matches",
  "holds_read",
  "no_hold_if_refused",
  "too_many_holds",
  "no_transfer_rows",
  "transfer_found",
  "transfer_none",
] as const;
export type TMonoEvidence = (typeof MONO_EVIDENCE)[number];

export const monoEvidence = {
  /** `error`: describeMonoError's sentence (English). */
  lookupFailed: (error: string) =>
    worded("lookup_failed", { error }, `Mono lookup failed: ${error}`),
  payoutFound: (payoutId: string, externalId: string, state: string) =>
    worded(
      "payout_found",
      { payoutId, externalId, state },
      `GET /v1/core/payouts/${payoutId}: external_id ${externalId}, state ${state}`,
    ),
  neverSent: () => worded("never_sent", {}, "Never sent: no attempt was logged for this key"),
  tooManyCandidates: (max: number) =>
    worded(
      "too_many_candidates",
      { max: String(max) },
      `More than ${max} payouts of a similar amount since the first send: check by hand`,
    ),
  holdMatches: (holdId: string, accountId: string, payoutId: string, state: string) =>
    worded(
      "hold_matches",
      { holdId, accountId, payoutId, state },
      `Ledger hold ${holdId} on ${accountId} → GET /v1/core/payouts/${payoutId}: external_id matches, state ${state}`,
    ),
  /** `total`: the count Mono gave, or null when it gave none ("all"). */
  holdsRead: (
    accountId: string,
    since: string,
    total: number | null,
    fetched: number,
    externalId: string,
  ) =>
    worded(
      "holds_read",
      {
        accountId,
        since,
        total: total === null ? "all" : String(total),
        fetched: String(fetched),
        externalId,
      },
      `Read every payout hold on ${accountId} since ${since} (${total ?? "all"}); ${fetched} of a similar amount, none with external_id ${externalId}`,
    ),
  noHoldIfRefused: () =>
    worded(
      "no_hold_if_refused",
      {},
      "A payout refused at creation for insufficient funds places no hold: it moved no money either",
    ),
  tooManyHolds: (max: number) =>
    worded(
      "too_many_holds",
      { max: String(max) },
      `More than ${max} payout holds since the first send: check by hand`,
    ),
  noTransferRows: () => worded("no_transfer_rows", {}, "The operation has no transfer rows"),
  transferFound: (externalId: string, transferId: string, batchId: string, state: string) =>
    worded(
      "transfer_found",
      { externalId, transferId, batchId, state },
      `GET /v1/transfers?external_id=${externalId}: ${transferId} in batch ${batchId} (${state})`,
    ),
  transferNone: (externalId: string) =>
    worded("transfer_none", { externalId }, `GET /v1/transfers?external_id=${externalId}: none`),
} satisfies Record<string, (...a: never[]) => TWorded<TMonoEvidence>>;
