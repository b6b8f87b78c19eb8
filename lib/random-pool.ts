import "server-only";
import { randomFillSync } from "node:crypto";

// Random bytes for identifiers (request ids, call ids, trace and span ids), drawn from a 4 KiB
// buffer refilled by the CSPRNG, the way Node caches bytes for crypto.randomUUID(). One
// randomBytes() call per id cost ~6 % of the Mono client's CPU under load (bench/client: four
// ids per call, each a round trip into C++ for 8–22 bytes). Not for secrets: passwords and keys
// call randomBytes() directly.
const POOL_BYTES = 4096;
let pool = Buffer.alloc(0);
let offset = 0;

/** `n` fresh random bytes; the returned view is never handed out again. */
export function randomIdBytes(n: number): Buffer {
  if (offset + n > pool.length) {
    pool = randomFillSync(Buffer.allocUnsafe(Math.max(POOL_BYTES, n)));
    offset = 0;
  }
  const out = pool.subarray(offset, offset + n);
  offset += n;
  return out;
}
