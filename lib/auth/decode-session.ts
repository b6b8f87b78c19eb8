import "server-only";
import { decode, type JWT, type JWTDecodeParams } from "next-auth/jwt";

// next-auth's decode() derives the encryption key with HKDF and decrypts the JWE on every call:
// ~0.4 ms of CPU per request here (docs/BENCHMARKS.md "payouts"). A session token is immutable,
// so its decoded payload is kept for a minute, never past the token's own expiry. This is only
// the cookie's decryption: who the user is, whether they are still active and whether the
// session was revoked is read from the database on every request (userFromToken).
const TTL_MS = 60_000;
const MAX_ENTRIES = 5_000;
type TEntry = { payload: JWT | null; until: number };
const cache = new Map<string, TEntry>();

export async function decodeSession(params: JWTDecodeParams): Promise<JWT | null> {
  // Keyed by secret and salt too: a token is only ever served for what decrypted it.
  const key = `${String(params.secret)}\n${params.salt ?? ""}\n${params.token ?? ""}`;
  const now = Date.now();
  const hit = cache.get(key);
  if (hit && hit.until > now) return hit.payload;
  if (hit) cache.delete(key);
  const payload = await decode(params); // throws on a bad token: nothing is cached then
  const exp = typeof payload?.exp === "number" ? payload.exp * 1000 : now;
  if (payload && exp > now) {
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
    cache.set(key, { payload, until: Math.min(now + TTL_MS, exp) });
  }
  return payload;
}
