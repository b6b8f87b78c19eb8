// Beneficiary account numbers, document numbers, e-mails and phone numbers are masked wherever the
// console shows them (answers, lists, CSV, evidence, stored idempotent answers, webhook views,
// logs); seeing them in clear asks for a reason and is audited (reveal-beneficiary.ts,
// lib/webhooks/reveal-event.ts). Pure module, shared with the browser. docs/SECURITY.md has the
// table of what is masked where.
const DOT = "•";

export function maskDigits(value: string | null | undefined, visible = 4): string {
  if (!value) return "";
  if (value.length <= visible) return DOT.repeat(value.length);
  return DOT.repeat(Math.min(6, value.length - visible)) + value.slice(-visible);
}

export function maskEmail(value: string): string {
  const at = value.lastIndexOf("@");
  if (at <= 0) return maskDigits(value);
  return `${value[0]}${DOT.repeat(3)}${value.slice(at)}`;
}

// `beneficiaryKey` is bank_code:account_number (the duplicate detector's key): the bank code stays,
// the account keeps its last four.
export function maskBeneficiaryKey(key: string | null | undefined): string | null {
  if (!key) return key ?? null;
  const at = key.lastIndexOf(":");
  return at < 0 ? maskDigits(key) : `${key.slice(0, at + 1)}${maskDigits(key.slice(at + 1))}`;
}

type TBeneficiaryLike = {
  accountNumber?: string;
  documentNumber?: string;
  email?: string;
  phone?: string;
  phoneNumber?: string;
  [k: string]: unknown;
};

export function maskBeneficiary<T extends TBeneficiaryLike>(b: T): T {
  return {
    ...b,
    ...(b.accountNumber !== undefined ? { accountNumber: maskDigits(b.accountNumber) } : {}),
    ...(b.documentNumber !== undefined ? { documentNumber: maskDigits(b.documentNumber, 3) } : {}),
    ...(b.email ? { email: maskEmail(b.email) } : {}),
    ...(b.phone ? { phone: maskDigits(b.phone) } : {}),
    ...(b.phoneNumber ? { phoneNumber: maskDigits(b.phoneNumber) } : {}),
  };
}

// The operation's `target` holds a payout beneficiary or the transfer rows.
export function maskTarget(target: unknown): unknown {
  if (Array.isArray(target))
    return target.map((row: { beneficiary?: TBeneficiaryLike }) => ({
      ...row,
      beneficiary: row.beneficiary ? maskBeneficiary(row.beneficiary) : row.beneficiary,
    }));
  if (target && typeof target === "object") return maskBeneficiary(target as TBeneficiaryLike);
  return target;
}

// Field names whose values are personal numbers, in Mono's spelling and the console's. Matched
// exactly (so `page_number` stays): the same set the Mono request log's redactor masks.
const TAIL_KEYS = new Set([
  "account_number",
  "accountNumber",
  "document_number",
  "documentNumber",
  "number",
  "payee_account_number",
  "payeeAccountNumber",
  "key_value",
  "keyValue",
  "phone",
  "phone_number",
  "phoneNumber",
]);
const EMAIL_KEYS = new Set(["email", "payee_email", "payeeEmail"]);
// What people type (approval comments, reasons, resolutions): masked as free text.
const FREE_TEXT_KEYS = new Set(["comment", "reason", "duplicateReason", "resolution"]);
const MAX_DEPTH = 30;

function maskLeaf(key: string | null, value: unknown, parent: object | null): unknown {
  if (key === null || (typeof value !== "string" && typeof value !== "number")) return value;
  const s = String(value);
  if (TAIL_KEYS.has(key)) return maskDigits(s);
  if (EMAIL_KEYS.has(key)) return maskEmail(s);
  if (key === "beneficiaryKey") return maskBeneficiaryKey(s);
  if (FREE_TEXT_KEYS.has(key) && typeof value === "string") return maskText(s);
  // {format: "plain_key", value: "3001234567"}: a Bre-B payment key (phone, document, e-mail…).
  if (key === "value" && parent !== null && "format" in parent) return maskDigits(s);
  return value;
}

/**
 * Masks personal numbers anywhere in a JSON value (webhook bodies, audit details, evidence,
 * reconciliation evidence, logged bodies), by field name, at any depth. Returns a new value.
 */
export function maskPii(value: unknown): unknown {
  const walk = (v: unknown, key: string | null, parent: object | null, depth: number): unknown => {
    if (depth > MAX_DEPTH) return "[truncated]";
    if (Array.isArray(v)) return v.map((x) => walk(x, key, parent, depth + 1));
    if (v !== null && typeof v === "object" && !(v instanceof Date)) {
      if (key !== null && TAIL_KEYS.has(key)) return "[masked]";
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = walk(x, k, v, depth + 1);
      return out;
    }
    return maskLeaf(key, v, parent);
  };
  return walk(value, null, null, 0);
}

/**
 * Masks what looks like a personal number inside free text (error messages, stack traces): any
 * run of 6 or more digits keeps its last four, e-mail addresses keep their first letter and
 * domain. Ids (op_…, req_…) and short numbers are untouched.
 */
export function maskText(text: string): string {
  return text
    .replace(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, (m) => maskEmail(m))
    .replace(/(?<![A-Za-z0-9_])\d{6,}/g, (m) => maskDigits(m));
}

/** A webhook body (the raw text Mono signed) as the console shows it: parsed, masked, re-printed. */
export function maskJsonText(raw: string): string {
  try {
    return JSON.stringify(maskPii(JSON.parse(raw)), null, 2);
  } catch {
    return maskText(raw);
  }
}
