// Typed application errors: a stable machine code maps to one HTTP status. Handlers throw these;
// the route wrapper turns them into the one error shape (lib/api/problem.ts).
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
export type TFieldError = { path: string; message: string; code?: string };

export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: TErrorCode,
    message: string,
    readonly extra: {
      errors?: TFieldError[];
      meta?: Record<string, unknown>;
      headers?: Record<string, string>;
    } = {},
  ) {
    super(message);
    this.name = "AppError";
    this.status = ERROR_STATUS[code];
  }
}
