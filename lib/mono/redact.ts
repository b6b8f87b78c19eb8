import "server-only";

// What the request log and the logs may hold (docs/MONO-CLIENT.md, "Redaction"):
// - secrets (Authorization, API keys, tokens, passwords, cookies): replaced by "[redacted]";
// - document numbers, account numbers, Bre-B key values and phone numbers: all but the last 4
//   characters masked, so support can still match "the account ending 4321";
// - e-mail addresses: local part masked;
// - names are kept: support answers "where is my money?" by payee name, and the request log is
//   only readable inside the console. They never go to pino (bodies are not logged there).
// On top of the key rules, every string is scanned for the configured API keys themselves, so a key
// echoed back inside some unexpected field (an error message, a header) is still removed.

export const REDACTED = "[redacted]";
const SECRET_KEY = /(authorization|api[_-]?key|secret|password|token|cookie)/i;
const MASK_TAIL_KEYS = new Set([
  "document_number",
  "account_number",
  "number",
  "payee_account_number",
  "key_value",
  "phone_number",
  "phone",
]);
const EMAIL_KEYS = new Set(["email"]);
const MAX_DEPTH = 20;

export function maskTail(value: string, keep = 4): string {
  if (value.length <= keep) return "*".repeat(value.length);
  return "*".repeat(value.length - keep) + value.slice(-keep);
}

export function maskEmail(value: string): string {
  const at = value.lastIndexOf("@");
  if (at <= 0) return maskTail(value);
  return `${value[0]}***${value.slice(at)}`;
}

export type TRedactor = {
  body(value: unknown): unknown;
  headers(headers: Record<string, string | string[] | undefined>): Record<string, string>;
  text(value: string): string;
};

type TKeyKind = "secret" | "tail" | "email" | "plain";
const KEY_KINDS = new Map<string, TKeyKind>(); // field names repeat: classified once per process
function kindOf(key: string): TKeyKind {
  let kind = KEY_KINDS.get(key);
  if (kind === undefined) {
    kind = SECRET_KEY.test(key)
      ? "secret"
      : MASK_TAIL_KEYS.has(key)
        ? "tail"
        : EMAIL_KEYS.has(key)
          ? "email"
          : "plain";
    if (KEY_KINDS.size < 10_000) KEY_KINDS.set(key, kind);
  }
  return kind;
}

export function createRedactor(secrets: readonly string[]): TRedactor {
  // Short strings are never treated as secrets: replacing "a" everywhere would destroy the data.
  const needles = secrets.filter((s) => s.length >= 8);
  const shortest = Math.min(...needles.map((n) => n.length));

  const text = (value: string): string => {
    if (value.length < shortest) return value; // too short to hold any key
    let out = value;
    for (const n of needles) if (out.includes(n)) out = out.split(n).join(REDACTED);
    return out;
  };

  const leaf = (
    key: string | null,
    value: unknown,
    parent: Record<string, unknown> | null,
  ): unknown => {
    const kind = key === null ? "plain" : kindOf(key);
    if (kind === "secret") return REDACTED;
    if (key !== null && (typeof value === "string" || typeof value === "number")) {
      const s = String(value);
      if (kind === "tail") return maskTail(s);
      if (kind === "email") return maskEmail(s);
      // {format: "plain_key", value: "@joe123"}: a Bre-B payment key (phone, document, e-mail…).
      if (key === "value" && parent !== null && "format" in parent) return maskTail(s);
    }
    return typeof value === "string" ? text(value) : value;
  };

  const walk = (
    value: unknown,
    key: string | null,
    parent: Record<string, unknown> | null,
    depth: number,
  ): unknown => {
    if (depth > MAX_DEPTH) return "[truncated]";
    if (Array.isArray(value)) {
      // Array items inherit the key: {"phone_numbers": [...]} is not masked, {"number": [..]} is.
      return value.map((v) => walk(v, key, parent, depth + 1));
    }
    if (value !== null && typeof value === "object") {
      if (key !== null && kindOf(key) === "secret") return REDACTED;
      const obj = value as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const k of Object.keys(obj)) out[text(k)] = walk(obj[k], k, obj, depth + 1);
      return out;
    }
    return leaf(key, value, parent);
  };

  const headers = (
    input: Record<string, string | string[] | undefined>,
  ): Record<string, string> => {
    const out: Record<string, string> = {};
    for (const [name, raw] of Object.entries(input)) {
      if (raw === undefined) continue;
      const v = Array.isArray(raw) ? raw.join(", ") : raw;
      const lower = name.toLowerCase();
      if (lower === "authorization")
        out[lower] = v.startsWith("Bearer ") ? `Bearer ${REDACTED}` : REDACTED;
      else if (SECRET_KEY.test(lower)) out[lower] = REDACTED;
      else out[lower] = text(v);
    }
    return out;
  };

  return { body: (v) => walk(v, null, null, 0), headers, text };
}
