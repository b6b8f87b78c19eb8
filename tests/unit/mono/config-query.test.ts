import { describe, expect, it } from "vitest";
import { readEnv } from "@/lib/env-schema";
import { keyAgeDays, monoConfigFromEnv } from "@/lib/mono/config";
import { MonoConfigError } from "@/lib/mono/errors";
import { encodeQuery, fillPath } from "@/lib/mono/query";
import { assertIdempotencyKey } from "@/lib/mono/client";
import { statusClassOf } from "@/lib/mono/request-log";

describe("configuration", () => {
  it("sandbox mode reads the sandbox variables only", () => {
    const env = readEnv({
      MONO_SANDBOX_API_KEY: "sandbox-key-123",
      MONO_SANDBOX_KEY_ISSUED_AT: "2026-01-01",
      MONO_PRODUCTION_API_KEY: "prod-key-9999",
    });
    const cfg = monoConfigFromEnv(env);
    expect(cfg).toMatchObject({
      environment: "sandbox",
      apiKey: "sandbox-key-123",
      batchApiKey: null,
      keyIssuedAt: "2026-01-01",
    });
    expect(cfg.timeouts).toEqual({ connectMs: 5_000, responseMs: 30_000, totalMs: 60_000 });
    expect(cfg.maxInFlight).toBe(10);
    expect(cfg.maxInFlightBatch).toBe(5);
    expect(cfg.requestLogRetentionDays).toBe(90);
  });

  it("production mode without its Mono variables refuses, listing them", () => {
    const env = { ...readEnv({}), MONO_ENV: "production" as const };
    expect(() => monoConfigFromEnv(env)).toThrow(MonoConfigError);
    try {
      monoConfigFromEnv(env);
    } catch (e) {
      expect((e as MonoConfigError).problems.join("\n")).toMatch(
        /MONO_PRODUCTION_API_KEY[\s\S]*MONO_PRODUCTION_KEY_ISSUED_AT/,
      );
    }
  });

  it("computes key age in whole days", () => {
    expect(keyAgeDays("2026-01-01", new Date("2026-03-22T10:00:00Z"))).toBe(80);
    expect(keyAgeDays(null)).toBeNull();
  });
});

describe("requests", () => {
  it("encodes nested filters as bracket params", () => {
    expect(
      decodeURIComponent(
        encodeQuery({
          page_size: 50,
          inserted_at: { from: "2026-01-01T00:00:00Z" },
          sort: { field: "inserted_at", type: "desc" },
          x: undefined,
          s: ["a", "b"],
        }),
      ),
    ).toBe(
      "?page_size=50&inserted_at[from]=2026-01-01T00:00:00Z&sort[field]=inserted_at&sort[type]=desc&s[]=a&s[]=b",
    );
    expect(encodeQuery({})).toBe("");
  });

  it("fills route templates with encoded ids", () => {
    expect(fillPath("GET /v1/core/payouts/{id}", { id: "cpout_1/../x" })).toBe(
      "/v1/core/payouts/cpout_1%2F..%2Fx",
    );
    expect(() => fillPath("GET /v1/core/payouts/{id}")).toThrow();
  });

  it("accepts only UUID v4 idempotency keys", () => {
    expect(() => assertIdempotencyKey(crypto.randomUUID())).not.toThrow();
    for (const bad of [
      undefined,
      "",
      "abc",
      "f30f1d0b-795f-19f5-80dc-41a7bffccfde",
      "payroll-2026-05-06",
    ]) {
      expect(() => assertIdempotencyKey(bad)).toThrow(TypeError);
    }
  });

  it("classifies status codes with 409 and 429 on their own", () => {
    expect([200, 201, 400, 404, 409, 422, 429, 500, 503, null].map(statusClassOf)).toEqual([
      "2xx",
      "2xx",
      "4xx",
      "4xx",
      "409",
      "4xx",
      "429",
      "5xx",
      "5xx",
      "network",
    ]);
  });
});
