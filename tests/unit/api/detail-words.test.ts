import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { TDetailWords } from "@/lib/api/app-error";
import { API_DETAIL_CODES, apiWords, type TApiDetailCode } from "@/lib/api/detail-words";
import { paramValues } from "@/lib/api/error-params";
import { mapUnknownError } from "@/lib/api/map-error";
import { ROLES, PERMISSIONS } from "@/lib/auth/permissions";
import { MonoApiError, MonoCircuitOpenError, MonoNetworkError } from "@/lib/mono/errors";
import en from "@/messages/en/errors.json";
import es from "@/messages/es-CO/errors.json";
import { detailSame, errorWords, expectEveryCodeSame } from "@/tests/support/error-words";

// The route wrapper's own refusals (session, permission, same-origin, the JSON body,
// Idempotency-Key, errors that are not the console's) carry a stable code and params beside their
// English detail. The browser words them from the catalogue (errors.details.<code>): in English
// that reads exactly as the server's words, and every code has words in both languages.

const spanishOf = (d: TDetailWords) => words("es-CO")(d.code, paramValues(d.params)!);
const words = (locale: "en" | "es-CO") => errorWords(locale, "details");

const text = fc.string({ minLength: 1, maxLength: 40 });
const params: Partial<Record<TApiDetailCode, fc.Arbitrary<Record<string, unknown>>>> = {
  invalid_input: fc.record({ where: fc.constantFrom("path", "query", "body") }),
  role_not_allowed: fc.record({
    role: fc.constantFrom(...ROLES, "auditor"),
    permission: fc.constantFrom(...(Object.keys(PERMISSIONS) as string[])),
  }),
  body_too_large: fc.record({ bytes: fc.integer({ min: 0, max: 100_000_000 }) }),
  mono_answered_status: fc.record({ status: fc.integer({ min: 100, max: 599 }) }),
  mono_answered_error: fc.record({ status: fc.integer({ min: 100, max: 599 }), error_code: text }),
};
const anyWords = (code: TApiDetailCode, p: Record<string, unknown>) =>
  (apiWords as (c: TApiDetailCode, p: Record<string, unknown>) => TDetailWords)(code, p);

describe("the route wrapper's refusal words", () => {
  it("every code has words in both catalogues", () => {
    for (const cat of [en, es])
      for (const code of API_DETAIL_CODES) expect(cat.details).toHaveProperty(code);
  });

  it("reads in English exactly as the server's detail, for every code and any params", () => {
    expectEveryCodeSame(API_DETAIL_CODES, params, anyWords);
  });

  it("keeps the sentences the API has always sent", () => {
    expect(apiWords("sign_in_required").english).toBe("Sign in to continue");
    expect(apiWords("role_not_allowed", { role: "viewer", permission: "audit.read" }).english).toBe(
      "Your role (viewer) does not allow audit.read",
    );
    expect(apiWords("body_too_large", { bytes: 262_144 }).english).toBe(
      "Body exceeds 262144 bytes",
    );
    expect(apiWords("origin_unproven").english).toBe(
      "A signed-in change needs the console's Origin or Sec-Fetch-Site: same-origin",
    );
    expect(apiWords("idempotency_key_absent").english).toBe(
      "Send an Idempotency-Key header (8–255 visible characters) with this request",
    );
  });

  it("Spanish names the role and writes the number", () => {
    expect(
      spanishOf(apiWords("role_not_allowed", { role: "viewer", permission: "audit.read" })),
    ).toBe("Tu rol (lector) no tiene el permiso audit.read");
    expect(spanishOf(apiWords("body_too_large", { bytes: 262_144 }))).toBe(
      "El cuerpo de la solicitud supera los 262.144 bytes",
    );
  });

  it("errors that are not the console's are worded, statuses unchanged", () => {
    const open = mapUnknownError(new MonoCircuitOpenError());
    expect([open.code, open.extra.detail?.code, open.extra.headers]).toEqual([
      "service_unavailable",
      "mono_circuit_open",
      { "retry-after": "30" },
    ]);
    const api = (code: string | null) =>
      mapUnknownError(new MonoApiError(503, code, "x", null, "log_1", [], null));
    const coded = api("service_unavailable");
    expect([coded.code, coded.message, coded.extra.detail]).toEqual([
      "upstream_error",
      "Mono answered 503 (service_unavailable)",
      {
        code: "mono_answered_error",
        params: { status: 503, error_code: "service_unavailable" },
      },
    ]);
    expect(coded.extra.meta).toEqual({
      monoStatus: 503,
      monoErrorCode: "service_unavailable",
      monoLogId: "log_1",
    });
    const bare = api(null);
    expect([bare.message, bare.extra.detail?.code]).toEqual([
      "Mono answered 503",
      "mono_answered_status",
    ]);
    const down = mapUnknownError(new MonoNetworkError("refused", "ECONNREFUSED"));
    expect([down.code, down.extra.detail?.code]).toEqual(["upstream_error", "mono_unreachable"]);
    const hidden = mapUnknownError(new Error("password=hunter2"));
    expect([hidden.code, hidden.extra.detail?.code]).toEqual([
      "internal_error",
      "unexpected_failure",
    ]);
    for (const e of [open, coded, bare, down, hidden])
      detailSame({ ...e.extra.detail!, english: e.message });
  });
});
