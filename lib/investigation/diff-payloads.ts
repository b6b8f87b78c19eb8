// Field-by-field difference of two JSON payloads, as JSON pointers ("/target/account_number").
// Pure, shared with the browser. Key order never matters; array items compare by position.

export type TPayloadDiff = {
  path: string;
  change: "added" | "removed" | "changed";
  before?: unknown;
  after?: unknown;
};

export function diffPayloads(
  before: unknown,
  after: unknown,
  path = "",
  out: TPayloadDiff[] = [],
  limit = 500,
): TPayloadDiff[] {
  if (out.length >= limit) return out;
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    for (const k of keys) {
      const p = `${path}/${escape(k)}`;
      if (!(k in after) || after[k] === undefined) {
        if (before[k] !== undefined) out.push({ path: p, change: "removed", before: before[k] });
      } else if (!(k in before) || before[k] === undefined)
        out.push({ path: p, change: "added", after: after[k] });
      else diffPayloads(before[k], after[k], p, out, limit);
    }
    return out;
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const n = Math.max(before.length, after.length);
    for (let i = 0; i < n; i++) {
      const p = `${path}/${i}`;
      if (i >= after.length) out.push({ path: p, change: "removed", before: before[i] });
      else if (i >= before.length) out.push({ path: p, change: "added", after: after[i] });
      else diffPayloads(before[i], after[i], p, out, limit);
    }
    return out;
  }
  if (!sameScalar(before, after)) out.push({ path: path || "/", change: "changed", before, after });
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === "object" && !Array.isArray(v);
}

function sameScalar(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a === "object" || typeof b === "object")
    return JSON.stringify(a) === JSON.stringify(b);
  return false;
}

// RFC 6901: "~" and "/" inside a key.
function escape(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}
