import "server-only";
import { createHmac, timingSafeEqual } from "node:crypto";

// Mono-Signature (docs/DESIGN.md §8): `t=<unix seconds>,v1=<hex>`, v1 = HMAC-SHA256(secret,
// "<t>.<raw body>"). Parsed defensively: unknown schemes are ignored, several v1 values are
// tolerated (any one may match), and every comparison is constant-time on equal-length buffers.

export type TSignatureSecret = { secret: string; label: "valid" | "valid_previous_secret" };
export type TSignatureFailure =
  "missing_signature" | "malformed_signature" | "stale_timestamp" | "bad_signature";
export type TSignatureCheck =
  | { ok: true; result: TSignatureSecret["label"]; t: number }
  | { ok: false; reason: TSignatureFailure; t?: number };

const HEX64 = /^[0-9a-f]{64}$/i;
const MAX_HEADER = 4096;

export function signPayload(secret: string, rawBody: string, t: number): string {
  return createHmac("sha256", secret).update(`${t}.${rawBody}`, "utf8").digest("hex");
}

/** Builds a header the way Mono does (tests, the benchmark, the readiness round trip). */
export function signatureHeader(
  secret: string,
  rawBody: string,
  t: number = Math.floor(Date.now() / 1000),
): string {
  return `t=${t},v1=${signPayload(secret, rawBody, t)}`;
}

export function parseSignatureHeader(header: string): { t: number; v1: string[] } | null {
  if (header.length > MAX_HEADER) return null;
  let t: number | null = null;
  const v1: string[] = [];
  for (const piece of header.split(",")) {
    const i = piece.indexOf("=");
    if (i <= 0) continue;
    const key = piece.slice(0, i).trim();
    const value = piece.slice(i + 1).trim();
    if (key === "t" && t === null && /^\d{1,12}$/.test(value)) t = Number(value);
    else if (key === "v1" && HEX64.test(value)) v1.push(value.toLowerCase());
  }
  return t === null || v1.length === 0 ? null : { t, v1 };
}

export function verifySignature(o: {
  header: string | null;
  rawBody: string;
  secrets: readonly TSignatureSecret[];
  nowSec: number;
  toleranceSec: number;
}): TSignatureCheck {
  if (!o.header || o.header.trim() === "") return { ok: false, reason: "missing_signature" };
  const parsed = parseSignatureHeader(o.header);
  if (!parsed) return { ok: false, reason: "malformed_signature" };
  // Past or future: a clock far ahead is as suspicious as a replay.
  if (Math.abs(o.nowSec - parsed.t) > o.toleranceSec)
    return { ok: false, reason: "stale_timestamp", t: parsed.t };
  const given = parsed.v1.map((v) => Buffer.from(v, "hex"));
  for (const s of o.secrets) {
    const expected = Buffer.from(signPayload(s.secret, o.rawBody, parsed.t), "hex");
    // Every candidate is compared (no early exit on the first byte); lengths are equal by construction.
    let match = false;
    for (const g of given)
      if (g.length === expected.length && timingSafeEqual(g, expected)) match = true;
    if (match) return { ok: true, result: s.label, t: parsed.t };
  }
  return { ok: false, reason: "bad_signature", t: parsed.t };
}
