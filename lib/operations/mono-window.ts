// Mono keeps an idempotency key for 24 hours: inside the window a resend with the same key is
// answered with the original; past it only the external_id still identifies the operation.
export const MONO_IDEMPOTENCY_WINDOW_MS = 24 * 60 * 60 * 1000;
