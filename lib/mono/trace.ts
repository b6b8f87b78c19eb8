import "server-only";
import { randomIdBytes } from "@/lib/random-pool";

// W3C Trace Context (https://www.w3.org/TR/trace-context/): version 00, a 16-byte trace id shared
// by every attempt of one logical call, an 8-byte parent (span) id new for each attempt, and
// flags 01 (sampled). All-zero ids are invalid by the spec, so they are re-drawn.

const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-01$/;

function nonZeroHex(bytes: number): string {
  for (;;) {
    const hex = randomIdBytes(bytes).toString("hex");
    if (!/^0+$/.test(hex)) return hex;
  }
}

export function newTraceId(): string {
  return nonZeroHex(16);
}

export function newSpanId(): string {
  return nonZeroHex(8);
}

export function formatTraceparent(traceId: string, spanId: string): string {
  return `00-${traceId}-${spanId}-01`;
}

export function isValidTraceparent(value: string): boolean {
  const m = TRACEPARENT.exec(value);
  return m !== null && !/^0+$/.test(m[1]) && !/^0+$/.test(m[2]);
}

/** A caller may join an existing trace by passing its 32-hex trace id; anything else starts a new one. */
export function traceIdOrNew(candidate: string | undefined): string {
  return candidate && /^[0-9a-f]{32}$/.test(candidate) && !/^0+$/.test(candidate)
    ? candidate
    : newTraceId();
}
