import { createHmac, timingSafeEqual } from "node:crypto";

// Mono's webhook signature (docs/DESIGN.md §8): header `Mono-Signature: t=<unix s>,v1=<hex>`
// where v1 is HMAC-SHA256(secret, "<t>.<raw body>"). Our own implementation, used by the
// readiness check to prove the configured secret round-trips; the webhook receiver has its own.

export const SIGNATURE_TOLERANCE_SEC = 300;

export function signWebhook(secret: string, rawBody: string, t: number): string {
  const v1 = createHmac("sha256", secret).update(`${t}.${rawBody}`).digest("hex");
  return `t=${t},v1=${v1}`;
}

export type TVerifyResult =
  { ok: true; secretIndex: number } | { ok: false; reason: "malformed" | "stale" | "mismatch" };

/** Accepts any of `secrets` (current, then previous during a rotation); constant-time compare. */
export function verifyWebhookSignature(o: {
  header: string | null;
  rawBody: string;
  secrets: readonly string[];
  nowSec: number;
  toleranceSec?: number;
}): TVerifyResult {
  const parts = new Map<string, string[]>();
  for (const piece of (o.header ?? "").split(",")) {
    const [k, ...rest] = piece.trim().split("=");
    if (k && rest.length) parts.set(k, [...(parts.get(k) ?? []), rest.join("=")]);
  }
  const t = Number(parts.get("t")?.[0]);
  const candidates = (parts.get("v1") ?? []).filter((v) => /^[0-9a-f]{64}$/i.test(v));
  if (!Number.isInteger(t) || candidates.length === 0) return { ok: false, reason: "malformed" };
  if (Math.abs(o.nowSec - t) > (o.toleranceSec ?? SIGNATURE_TOLERANCE_SEC))
    return { ok: false, reason: "stale" };
  for (const [i, secret] of o.secrets.entries()) {
    const expected = Buffer.from(
      createHmac("sha256", secret).update(`${t}.${o.rawBody}`).digest("hex"),
      "hex",
    );
    if (candidates.some((c) => timingSafeEqual(Buffer.from(c, "hex"), expected)))
      return { ok: true, secretIndex: i };
  }
  return { ok: false, reason: "mismatch" };
}
