import type { TDetailWords } from "./app-error";
import { wordTable } from "./word-table";

// Details of the route wrapper's own refusals (lib/api/with-api.ts and what it calls: the
// same-origin check, the body reader, Idempotency-Key handling, the mapping of unknown errors),
// worded from a stable code and params (errors.details.<code> in the catalogues; the English here
// is exactly the English catalogue's, tests/unit/guard/refusal-words.test.ts).
// lib/guard/refusal-words.ts has the guard's, lib/api/console-words.ts the domain's. Pure module.

export type TInputPart = "path" | "query" | "body";
const PART: Record<TInputPart, string> = {
  path: "path",
  query: "query string",
  body: "request body",
};

/** The detail of each refusal: its English from its params. */
export const API_DETAILS = {
  // 400 validation_failed (the field errors say why).
  invalid_input: (p: { where: TInputPart }) => `The ${PART[p.where]} is invalid`,

  // Session and permission.
  sign_in_required: () => "Sign in to continue",
  role_not_allowed: (p: { role: string; permission: string }) =>
    `Your role (${p.role}) does not allow ${p.permission}`,

  // Same-origin check (lib/api/same-origin.ts).
  cross_site_refused: () => "Cross-site requests may not change anything",
  opaque_origin_refused: () => "Opaque origins may not change anything",
  origin_unproven: () =>
    "A signed-in change needs the console's Origin or Sec-Fetch-Site: same-origin",

  // The JSON body (lib/api/read-body.ts).
  body_too_large: (p: { bytes: number }) => `Body exceeds ${p.bytes} bytes`,
  body_not_json_type: () => "Send the body as application/json",
  body_not_utf8: () => "Body is not valid UTF-8",
  body_empty: () => "Body is empty; send a JSON object",
  body_not_json: () => "Body is not valid JSON",

  // Idempotency-Key (lib/api/idempotency.ts).
  idempotency_key_absent: () =>
    "Send an Idempotency-Key header (8–255 visible characters) with this request",
  idempotency_key_malformed: () =>
    "The Idempotency-Key header must be 8–255 visible ASCII characters",
  idempotency_key_busy: () => "A request with this Idempotency-Key is still being processed",
  idempotency_key_other_request: () =>
    "This Idempotency-Key was already used with a different request",
  idempotency_key_taken_over: () =>
    "Another request took this Idempotency-Key over; retry to see its result",

  // Errors that are not the console's own (lib/api/map-error.ts).
  mono_circuit_open: () =>
    "Mono is failing right now (circuit breaker open); nothing was sent. Try again shortly.",
  mono_answered_status: (p: { status: number }) => `Mono answered ${p.status}`,
  mono_answered_error: (p: { status: number; error_code: string }) =>
    `Mono answered ${p.status} (${p.error_code})`,
  mono_unreachable: () => "Mono could not be reached or answered unexpectedly",
  unexpected_failure: () =>
    "Something went wrong on our side. Quote the request id when reporting it.",
} as const;
export type TApiDetailCode = keyof typeof API_DETAILS;
const api = wordTable(API_DETAILS);
export const API_DETAIL_CODES = api.codes;
/** A refusal's detail: its code, params and English (`AppError.worded(status, apiWords(…))`). */
export const apiWords = api.words;

/** 400 validation_failed: "The request body is invalid" (the field errors say why). */
export function invalidInputWords(where: TInputPart): TDetailWords {
  return apiWords("invalid_input", { where });
}
