// Typed application errors: a stable machine code maps to one HTTP status. Handlers throw these;
// the route wrapper turns them into the one error shape (lib/api/problem.ts).
import type { TParams } from "./error-params";
import type { TWords } from "./word-table";

export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 400,
  idempotency_key_missing: 400,
  unauthenticated: 401,
  forbidden: 403,
  cross_origin_refused: 403,
  step_up_required: 403,
  not_found: 404,
  method_not_allowed: 405,
  conflict: 409,
  idempotency_key_in_use: 409,
  state_conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  idempotency_key_reused: 422,
  unprocessable: 422,
  rate_limited: 429,
  internal_error: 500,
  upstream_error: 502,
  service_unavailable: 503,
} as const;

export type TErrorCode = keyof typeof ERROR_STATUS;

/**
 * One field's problem: a JSON-pointer path, the English `message`, and a stable `code` with its
 * `params` (lib/api/field-issue.ts) that the browser words in the person's language
 * (errors.fields.<code>). `schema_message`: the message is the schema's own words (e.g. "A 4-digit
 * bank code"), not the generic sentence of `code`.
 */
export type TFieldError = {
  path: string;
  message: string;
  code?: string;
  params?: TParams;
  schema_message?: true;
};

/** The detail's stable code and params: the English detail is its words (errors.details.<code>). */
export type TDetailWords = TWords;

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: TErrorCode,
    message: string,
    readonly extra: {
      errors?: TFieldError[];
      meta?: Record<string, unknown>;
      // The detail's code and params, sent as meta.detail_code and meta.detail_params.
      detail?: { code: string; params: TParams };
      headers?: Record<string, string>;
    } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.status = ERROR_STATUS[code];
  }

  /** An error whose detail is worded from a stable code and params (`words.english`). */
  static worded(
    code: TErrorCode,
    words: TDetailWords,
    extra: Omit<AppError["extra"], "detail"> = {},
  ): AppError {
    return new AppError(code, words.english, {
      ...extra,
      detail: { code: words.code, params: words.params },
    });
  }
}
