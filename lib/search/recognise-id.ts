// Tells what kind of identifier a support agent pasted, or says exactly why it is not one. Pure
// (no "server-only"): the search box uses it in the browser to label the input as it is typed,
// and the server uses it to choose the one indexed lookup to run.

export const ID_KINDS = [
  "request_id",
  "mono_log_id",
  "idempotency_key",
  "operation_id",
  "transfer_id",
  "batch_id",
  "payout_id",
  "account_id",
  "ledger_account_id",
  "external_id",
  "reference",
  "document_number",
  "bank_account_tail",
  "email",
  "breb_key",
] as const;
export type TIdKind = (typeof ID_KINDS)[number];

// Why a text is not an id: a stable code and its values, which the browser words in the person's
// language (the "search" catalogue, reasons.<code>); `reason` is the same in English for the API.
export const NOT_AN_ID_REASONS = [
  "empty",
  "tooLong",
  "spaces",
  "prefixCase",
  "onlyPrefix",
  "badChar",
  "badLength",
  "uuid",
  "externalId",
  "unknown",
] as const;
export type TNotAnIdReason = (typeof NOT_AN_ID_REASONS)[number];

export type TRecognised =
  | { ok: true; kind: TIdKind; value: string }
  | {
      ok: false;
      value: string;
      reason: string;
      code: TNotAnIdReason;
      params?: Record<string, string | number>;
      looksLike?: TIdKind;
    };

export const ID_KIND_LABEL: Record<TIdKind, string> = {
  request_id: "Request id",
  mono_log_id: "Mono log id",
  idempotency_key: "Idempotency key",
  operation_id: "Operation",
  transfer_id: "Mono transfer",
  batch_id: "Mono batch",
  payout_id: "Mono payout",
  account_id: "Banking account",
  ledger_account_id: "Ledger account",
  external_id: "External id",
  reference: "Reference",
  document_number: "Document number",
  bank_account_tail: "Bank + last four digits",
  email: "E-mail",
  breb_key: "Bre-B key",
};

export const MAX_QUERY_LENGTH = 255; // Mono's external_id limit; nothing we search is longer
const B62 = /^[0-9A-Za-z]+$/;
const MONO_ID_BODY = 22; // Mono ids (and ours): prefix + "_" + 22 base-62 characters
const KSUID_BODY = 27; // our request ids: req_ + a 27-character KSUID
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const UUID_LOOSE = /^[0-9a-f-]{30,40}$/i;
// The console's external ids: mops-op_<22> for an operation, mops-op_<22>-<n> for a transfer row.
const OUR_EXTERNAL_ID = /^mops-op_[0-9A-Za-z]{22}(-[1-9][0-9]{0,3})?$/;
const BANK_TAIL = /^(\d{4})\s+(\d{4})$/;
const DOCUMENT = /^(CC|CE|NIT|PP|TI|PA)(?:\s+|:\s*)([0-9A-Za-z]{4,18})$/i;
const EMAIL = /^[^\s@"'<>]+@[^\s@"'<>]+\.[A-Za-z]{2,}$/;
const BREB_ALIAS = /^@[0-9A-Za-z._-]{2,40}$/;
const REFERENCE = /^[0-9A-Za-z][0-9A-Za-z._:#/+-]*$/;

// Prefixed ids. Mono's log ids have no documented length, so only their alphabet is checked.
const PREFIXED: { prefix: string; kind: TIdKind; body: number | "any" }[] = [
  { prefix: "req_", kind: "request_id", body: KSUID_BODY },
  { prefix: "log_", kind: "mono_log_id", body: "any" },
  { prefix: "op_", kind: "operation_id", body: MONO_ID_BODY },
  { prefix: "trn_", kind: "transfer_id", body: MONO_ID_BODY },
  { prefix: "bat_", kind: "batch_id", body: MONO_ID_BODY },
  { prefix: "cpout_", kind: "payout_id", body: MONO_ID_BODY },
  { prefix: "acc_", kind: "account_id", body: MONO_ID_BODY },
  { prefix: "lacc_", kind: "ledger_account_id", body: MONO_ID_BODY },
];

// People paste ids out of tickets, e-mails and JSON: surrounding spaces and quotes are not theirs.
export function cleanQuery(input: string): string {
  return input
    .trim()
    .replace(/^["'`<(\[]+|["'`>)\].,;]+$/g, "")
    .trim();
}

export function recogniseId(input: string): TRecognised {
  const value = cleanQuery(String(input ?? ""));
  if (value.length === 0)
    return {
      ok: false,
      value,
      code: "empty",
      reason:
        "Paste an id: a request id, log_ id, idempotency key, op_/trn_/bat_/cpout_/acc_/lacc_ id, external id, reference, document number, account number, e-mail or Bre-B key.",
    };
  if (value.length > MAX_QUERY_LENGTH)
    return {
      ok: false,
      value: value.slice(0, 40),
      code: "tooLong",
      params: { length: value.length, max: MAX_QUERY_LENGTH },
      reason: `Too long (${value.length} characters): no id the console knows is longer than ${MAX_QUERY_LENGTH}.`,
    };
  // Beneficiary identifiers (docs/INVESTIGATION.md "A page per beneficiary"): a bank code and an
  // account's last four digits ("1007 4050"), a document with its type ("CC 1020304050"), an
  // e-mail, a Bre-B @alias. A bare number is a reference, also looked up as a document, an
  // account number and a Bre-B key.
  const tail = BANK_TAIL.exec(value);
  if (tail) return { ok: true, kind: "bank_account_tail", value: `${tail[1]} ${tail[2]}` };
  const doc = DOCUMENT.exec(value);
  if (doc) return { ok: true, kind: "document_number", value: doc[2] };
  if (/\s/.test(value))
    return {
      ok: false,
      value,
      code: "spaces",
      reason: "Contains spaces: paste one id at a time.",
    };
  if (EMAIL.test(value)) return { ok: true, kind: "email", value: value.toLowerCase() };
  if (BREB_ALIAS.test(value)) return { ok: true, kind: "breb_key", value };

  const lower = value.toLowerCase();
  for (const p of PREFIXED) {
    if (!lower.startsWith(p.prefix)) continue;
    const label = ID_KIND_LABEL[p.kind];
    if (!value.startsWith(p.prefix))
      return {
        ok: false,
        value,
        looksLike: p.kind,
        code: "prefixCase",
        params: { prefix: p.prefix },
        reason: `${label} prefixes are lower case: ${p.prefix}…`,
      };
    const body = value.slice(p.prefix.length);
    if (body.length === 0)
      return {
        ok: false,
        value,
        looksLike: p.kind,
        code: "onlyPrefix",
        params: { prefix: p.prefix },
        reason: `Only the prefix ${p.prefix} was pasted: the rest of the id is missing.`,
      };
    if (!B62.test(body)) {
      const char = firstOutside(body, /[0-9A-Za-z]/);
      return {
        ok: false,
        value,
        looksLike: p.kind,
        code: "badChar",
        params: { prefix: p.prefix, char },
        reason: `${label}s contain only letters and digits after ${p.prefix}; this one has "${char}".`,
      };
    }
    if (p.body !== "any" && body.length !== p.body) {
      return {
        ok: false,
        value,
        looksLike: p.kind,
        code: "badLength",
        params: { expected: p.body, prefix: p.prefix, actual: body.length },
        reason: `${label}s have ${p.body} characters after ${p.prefix}; this one has ${body.length} (cut off or extra characters?).`,
      };
    }
    return { ok: true, kind: p.kind, value };
  }

  if (UUID.test(value)) return { ok: true, kind: "idempotency_key", value: value.toLowerCase() };
  if (UUID_LOOSE.test(value) && value.includes("-")) {
    return {
      ok: false,
      value,
      looksLike: "idempotency_key",
      code: "uuid",
      reason:
        "Looks like an idempotency key (UUID) but is not shaped 8-4-4-4-12 hexadecimal characters.",
    };
  }
  if (lower.startsWith("mops-")) {
    if (OUR_EXTERNAL_ID.test(value)) return { ok: true, kind: "external_id", value };
    return {
      ok: false,
      value,
      looksLike: "external_id",
      code: "externalId",
      reason:
        "Console external ids look like mops-op_<22 characters> (and -<row> for a transfer row).",
    };
  }
  if (REFERENCE.test(value)) return { ok: true, kind: "reference", value };
  const char = firstOutside(value.slice(1), /[0-9A-Za-z._:#/+-]/) || value[0];
  return {
    ok: false,
    value,
    code: "unknown",
    params: { char },
    reason: `Not an id the console knows: "${char}" is not used in ids or references.`,
  };
}

function firstOutside(s: string, allowed: RegExp): string {
  for (const ch of s) if (!allowed.test(ch)) return ch;
  return "";
}
