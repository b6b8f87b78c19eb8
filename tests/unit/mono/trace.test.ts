import { describe, expect, it } from "vitest";
import {
  formatTraceparent,
  isValidTraceparent,
  newSpanId,
  newTraceId,
  traceIdOrNew,
} from "@/lib/mono/trace";

describe("W3C traceparent", () => {
  it("has the format 00-<32 hex>-<16 hex>-01", () => {
    for (let i = 0; i < 200; i++) {
      const tp = formatTraceparent(newTraceId(), newSpanId());
      expect(tp).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
      expect(isValidTraceparent(tp)).toBe(true);
    }
  });

  it("rejects all-zero ids and malformed values", () => {
    expect(isValidTraceparent(`00-${"0".repeat(32)}-${"a".repeat(16)}-01`)).toBe(false);
    expect(isValidTraceparent(`00-${"a".repeat(32)}-${"0".repeat(16)}-01`)).toBe(false);
    expect(isValidTraceparent("00-abc-def-01")).toBe(false);
  });

  it("keeps a caller's valid trace id and replaces anything else", () => {
    const t = newTraceId();
    expect(traceIdOrNew(t)).toBe(t);
    expect(traceIdOrNew("nope")).toMatch(/^[0-9a-f]{32}$/);
    expect(traceIdOrNew(undefined)).toMatch(/^[0-9a-f]{32}$/);
  });

  it("draws distinct span ids", () => {
    expect(new Set(Array.from({ length: 1_000 }, newSpanId)).size).toBe(1_000);
  });
});
