import type { TFieldError } from "./app-error";

// Text PostgreSQL cannot store: U+0000 (text and jsonb refuse it) and a lone UTF-16 surrogate
// (jsonb refuses its \uD800 escape; text would silently get U+FFFD instead). JavaScript strings
// hold both without complaint, so input is checked before it reaches SQL: the console's routes
// refuse it (lib/api/with-api.ts), the webhook receiver keeps such a delivery escaped
// (lib/webhooks/receive-webhook.ts).

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LONE_SURROGATE_G = new RegExp(LONE_SURROGATE.source, "g");
const SUSPECT = /[\u0000\ud800-\udfff]/;

/** The field codes of unstorable text, and their English (errors.fields.<code>). */
export const UNSTORABLE_WORDS = {
  nul_character: "Text may not contain the NUL character (U+0000)",
  lone_surrogate: "Text may not contain a lone UTF-16 surrogate (U+D800 to U+DFFF)",
} as const;
type TUnstorable = keyof typeof UNSTORABLE_WORDS;

function unstorableCode(s: string): TUnstorable | null {
  if (!SUSPECT.test(s)) return null;
  if (s.includes("\u0000")) return "nul_character";
  if (LONE_SURROGATE.test(s)) return "lone_surrogate";
  return null;
}

/** Why PostgreSQL cannot store `s`, or null when it can. */
export function unstorableReason(s: string): string | null {
  const code = unstorableCode(s);
  return code && UNSTORABLE_WORDS[code];
}

const unstorableError = (path: string, code: TUnstorable): TFieldError => ({
  path,
  message: UNSTORABLE_WORDS[code],
  code,
  params: {},
});

const hex4 = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`;

/** `s` with every NUL and lone surrogate written as a `\uXXXX` escape (plain text). */
export function escapeUnstorable(s: string): string {
  if (!SUSPECT.test(s)) return s;
  return s.replace(/\u0000/g, hex4).replace(LONE_SURROGATE_G, hex4);
}

/**
 * The first string or object key, at any depth, that PostgreSQL cannot store, as a field error
 * whose path is a JSON pointer ("/" for a top-level string; the offending characters of a key are
 * escaped in the path). Null when everything is storable. Iterative: nesting depth is no limit.
 */
export function unstorableTextAt(input: unknown): TFieldError | null {
  const stack: [unknown, string][] = [[input, ""]];
  while (stack.length > 0) {
    const [v, at] = stack.pop()!;
    if (typeof v === "string") {
      const code = unstorableCode(v);
      if (code) return unstorableError(at || "/", code);
      continue;
    }
    if (!v || typeof v !== "object") continue;
    const entries = Object.entries(v);
    // Pushed in reverse so the first entry is looked at first (depth-first, in document order).
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, x] = entries[i];
      stack.push([x, `${at}/${escapeUnstorable(k)}`]);
    }
    for (const [k] of entries) {
      const code = unstorableCode(k);
      if (code) return unstorableError(`${at}/${escapeUnstorable(k)}`, code);
    }
  }
  return null;
}

/** Whether `input` nests objects and arrays more than `max` levels deep (iterative). */
export function nestedDeeperThan(input: unknown, max: number): boolean {
  const stack: [unknown, number][] = [[input, 0]];
  while (stack.length > 0) {
    const [v, depth] = stack.pop()!;
    if (!v || typeof v !== "object") continue;
    if (depth >= max) return true;
    for (const x of Object.values(v)) if (x && typeof x === "object") stack.push([x, depth + 1]);
  }
  return false;
}
