// JSON for API responses: BigInt money (minor units) becomes a number. Amounts the console handles
// are capped far below 2^53, so this is exact; anything larger is a bug and throws.
export function toJsonSafe(value: unknown): unknown {
  if (typeof value === "bigint") {
    const n = Number(value);
    if (!Number.isSafeInteger(n)) throw new Error("integer beyond JSON's safe range");
    return n;
  }
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map(toJsonSafe);
  if (value && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toJsonSafe(v);
    return out;
  }
  return value;
}
