// Mono ids: a type prefix, "_", then 22 base-62 characters (docs/SANDBOX.md "Endpoints").
import { randomFillSync } from "node:crypto";

const B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
export const ID_PATTERN = /^[A-Za-z]{2,7}_[0-9A-Za-z]{22}$/;

// One getRandomValues call per id is the hot path's biggest cost at thousands of ids per second,
// so random bytes come from a refilled pool.
const pool = Buffer.alloc(4096);
let cursor = pool.length;

function nextByte(): number {
  if (cursor >= pool.length) {
    randomFillSync(pool);
    cursor = 0;
  }
  return pool[cursor++];
}

export function newId(prefix: string): string {
  let out = prefix + "_";
  let n = 0;
  while (n < 22) {
    const b = nextByte();
    // 248 = 4 × 62: rejecting the top bytes keeps every character equally likely.
    if (b >= 248) continue;
    out += B62[b % 62];
    n++;
  }
  return out;
}

export function hasPrefix(id: string, prefix: string): boolean {
  return id.startsWith(prefix + "_") && ID_PATTERN.test(id);
}
