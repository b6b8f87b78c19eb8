import { enNumber } from "./error-params";
import { wordTable } from "./word-table";

// The console's own refusals in words, beyond the guard's (lib/guard/refusal-words.ts) and the
// route wrapper's (lib/api/detail-words.ts): database errors, operations, investigation, notes,
// beneficiaries, users, saved views, step-up, alerts, reconciliation, webhook events and the
// metrics endpoint. Each detail and field error has a stable code and params
// beside its English, so the browser shows it in the person's language (errors.details.<code>,
// errors.fields.<code>); the English here is exactly the English catalogue's
// (tests/unit/api/console-words.test.ts). Pure module.

/** What a "No such …" detail names. */
export type TThing =
  | "operation"
  | "payout"
  | "note"
  | "beneficiary"
  | "user"
  | "view"
  | "request"
  | "webhook"
  | "finding"
  | "alert";

/** The detail of each refusal: its English from its params. */
export const CONSOLE_DETAILS = {
  // Database errors (lib/api/map-db-error.ts): only what a caller may be told.
  db_unique_violation: () => "A record with the same unique value already exists",
  db_missing_reference: () => "It refers to a record that does not exist",
  db_check_violation: () => "A value breaks one of the data's rules",
  db_not_null_violation: () => "A required value is missing",
  db_concurrent_change: () => "A concurrent change won; try again",
  db_invalid_value: () => "A value has the wrong form",
  db_number_out_of_range: () => "A number is out of range",
  db_invalid_datetime: () => "A date or time has the wrong form",
  db_datetime_out_of_range: () => "A date or time is out of range",
  db_unstorable_text: () => "Text holds characters that cannot be stored",
  db_record_busy: () => "The record is busy; try again",
  db_timeout: () => "The database took too long; try again",
  db_record_missing: () => "The record does not exist",

  // Not found.
  // A webhook is named by its event: "No such webhook event".
  no_such: (p: { thing: TThing }) => `No such ${p.thing === "webhook" ? "webhook event" : p.thing}`,
  request_not_logged: () => "No request with this id in the log",
  idempotency_key_unseen: () => "The console has never seen this idempotency key",

  // Operations.
  unknown_source_account: (p: { account: string }) =>
    `Mono does not know the source account ${p.account}`,
  breb_key_unresolved: () => "This Bre-B key could not be resolved",
  operation_changed_meanwhile: () => "The operation changed state meanwhile: reload it",
  send_in_flight: () => "A send is in flight right now: wait for it",
  cannot_retry_in_state: (p: { state: string }) => `An operation in ${p.state} cannot be retried`,
  not_awaiting_approval: (p: { state: string }) =>
    `The operation is ${p.state}, not waiting for approval`,
  maker_cannot_approve: () =>
    "You created this operation: someone else must approve it (maker ≠ checker)",
  changed_since_opened: () => "The operation changed since you opened it; review it again",
  already_decided: () => "You have already decided on this operation",
  step_up_for_amount: (p: { minutes: number }) =>
    `Re-enter your password to approve amounts this large (valid ${enNumber(p.minutes)} minutes)`,
  maker_only_edits: () => "Only the maker may edit a payout",
  payout_not_editable: (p: { state: string }) =>
    `The payout is ${p.state}; only payouts waiting for approval can be edited`,
  payout_changed_while_editing: () => "The payout changed state while you were editing it",
  cancel_not_allowed: () => "Only its maker or an approver may cancel an operation",
  cannot_cancel_in_state: (p: { state: string }) =>
    `The operation is ${p.state} and can no longer be cancelled`,

  // Investigation.
  mono_lacks_operation: () => "Mono does not have this operation",

  // Notes.
  note_author_only: () => "Only the note's author (or an admin) edits it",
  note_changed: (p: { version: number }) =>
    `The note changed meanwhile (now version ${enNumber(p.version)}): reload it`,

  // Users.
  user_email_taken: () => "A user with this email already exists",
  last_active_admin: () => "This is the last active admin; promote another admin first",

  // Saved views.
  view_name_taken: (p: { name: string }) =>
    `You already have a view named "${p.name}" on this list`,
  view_owner_only: () => "Only the view's owner (or an admin) deletes it",

  // Step-up (lib/auth/step-up.ts).
  password_incorrect: () => "The password is not correct",
  password_locked: (p: { minutes: number }) =>
    `Too many wrong passwords: the account is locked for up to ${enNumber(p.minutes)} minutes`,

  // Alerts.
  alert_already: (p: { state: string }) => `The alert is already ${p.state}`,

  // Reconciliation.
  finding_already_resolved: () => "The finding is already resolved",
  reconciliation_in_progress: (p: { run: string }) =>
    `Reconciliation run ${p.run} is still in progress`,
  other_reconciliation_in_progress: () => "Another reconciliation run is still in progress",

  // Webhook receiver (lib/webhooks/receive-webhook.ts): read by Mono, not a person; coded alike.
  webhook_missing_signature: () => "Mono-Signature header is missing",
  webhook_malformed_signature: () => "Mono-Signature header is malformed",
  webhook_stale_timestamp: () => "Mono-Signature timestamp is outside the tolerance",
  webhook_bad_signature: () => "Mono-Signature does not match",
  webhook_malformed_json: () => "Body is not valid JSON",
  webhook_invalid_envelope: () => "Body is not a Mono event envelope",
  webhook_too_large: () => "Body is too large",
  webhook_not_configured: () => "Webhook secret is not configured",

  // Metrics endpoint (app/api/metrics): read by a scraper; coded alike.
  metrics_disabled: () => "Metrics are disabled: set METRICS_TOKEN",
  metrics_token_required: () => "Send Authorization: Bearer <METRICS_TOKEN>",
} as const;
export type TConsoleCode = keyof typeof CONSOLE_DETAILS;
const details = wordTable(CONSOLE_DETAILS);
export const CONSOLE_DETAIL_CODES = details.codes;
/** A refusal's detail: its code, params and English (`AppError.worded(status, consoleWords(…))`). */
export const consoleWords = details.words;

const chars = (n: number) => `${enNumber(n)} ${n === 1 ? "character" : "characters"}`;

/** The console's own field errors: their English from their params. */
const CONSOLE_FIELD_WORDS = {
  unknown_at_mono: () => "Unknown account at Mono",
  breb_key_not_resolved: (p: { mono_code: string }) => `Not resolved at Mono (${p.mono_code})`,
  // Rules a schema words itself (lib/api/field-issue.ts `wordedRule`).
  say_why: (p: { minimum: number }) => `Say why (at least ${chars(p.minimum)})`,
  say_why_reject: (p: { minimum: number }) =>
    `Say why you reject it (at least ${chars(p.minimum)}): the maker sees it`,
} as const;
export type TConsoleFieldCode = keyof typeof CONSOLE_FIELD_WORDS;
const fields = wordTable(CONSOLE_FIELD_WORDS);
export const CONSOLE_FIELD_CODES = fields.codes;
/** The English of a console field code, null for a code not of this module. */
export const consoleFieldEnglish = fields.english;

/** A field error at `path`, worded by its code. */
export const consoleFieldError = fields.fieldError;
