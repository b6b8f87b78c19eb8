import "server-only";
import { env } from "../env";
import type { TLogger } from "../logger";
import { AppError } from "../api/app-error";
import { consoleWords, type TConsoleCode } from "../api/console-words";
import { verifySignature, type TSignatureSecret } from "./signature";
import { BodyNotUtf8Error, BodyTooLargeError, readRawBody } from "./read-raw-body";
import { dedupeKeyOf, eventTimestampOf, objectIdOf, ZWebhookEnvelope } from "./envelope";
import { escapeUnstorable, nestedDeeperThan, unstorableTextAt } from "../api/storable-text";
import { storeEvent, storeUnprocessableEvent } from "./store-events";
import { recordRejection, type TRejectionReason } from "./record-rejection";
import { wakeDrain } from "./enqueue-processing";

export type TReceived = {
  received: true;
  event_id: string;
  duplicate: boolean;
  deliveries: number;
  // Signed, but its data cannot be stored: kept with the raw body, never processed.
  unprocessable?: true;
};

// Mono's events nest a few levels; deeper data cannot be serialised for storage (JSON.stringify
// runs out of stack at a few thousand levels).
const MAX_DATA_DEPTH = 64;

const STATUS_OF: Record<TRejectionReason, ConstructorParameters<typeof AppError>[0]> = {
  missing_signature: "unauthenticated",
  malformed_signature: "unauthenticated",
  stale_timestamp: "unauthenticated",
  bad_signature: "unauthenticated",
  malformed_json: "bad_request",
  invalid_envelope: "bad_request",
  too_large: "payload_too_large",
  not_configured: "service_unavailable",
};
// Read by Mono, not a person; worded from a code like every other detail.
const DETAIL_OF = {
  missing_signature: "webhook_missing_signature",
  malformed_signature: "webhook_malformed_signature",
  stale_timestamp: "webhook_stale_timestamp",
  bad_signature: "webhook_bad_signature",
  malformed_json: "webhook_malformed_json",
  invalid_envelope: "webhook_invalid_envelope",
  too_large: "webhook_too_large",
  not_configured: "webhook_not_configured",
} as const satisfies Record<TRejectionReason, TConsoleCode>;

async function refuse(
  reason: TRejectionReason,
  o: { ip: string | null; log: TLogger; now: Date },
): Promise<never> {
  await recordRejection(reason, o);
  throw AppError.worded(STATUS_OF[reason], consoleWords(DETAIL_OF[reason]), { meta: { reason } });
}

function secrets(): TSignatureSecret[] {
  const out: TSignatureSecret[] = [];
  if (env.MONO_WEBHOOK_SECRET) out.push({ secret: env.MONO_WEBHOOK_SECRET, label: "valid" });
  if (env.MONO_WEBHOOK_SECRET_PREVIOUS)
    out.push({ secret: env.MONO_WEBHOOK_SECRET_PREVIOUS, label: "valid_previous_secret" });
  return out;
}

// The receiver's whole job: bounded raw read, signature, envelope, one row per event (a repeat
// only counts a delivery), wake the drain. No call to Mono and no operation lookup happens here, so the
// answer takes one INSERT; processing runs on the queue (process-webhook-event.ts).
export async function receiveWebhook(
  req: Request,
  o: { ip: string | null; log: TLogger; now?: Date },
): Promise<TReceived> {
  const now = o.now ?? new Date();
  const ctx = { ip: o.ip, log: o.log, now };
  const keys = secrets();
  if (keys.length === 0) return refuse("not_configured", ctx);

  let raw: string;
  try {
    raw = await readRawBody(req, env.WEBHOOK_MAX_BODY_BYTES);
  } catch (err) {
    if (err instanceof BodyTooLargeError) return refuse("too_large", ctx);
    if (err instanceof BodyNotUtf8Error) return refuse("malformed_json", ctx);
    throw err;
  }

  const sig = verifySignature({
    header: req.headers.get("mono-signature"),
    rawBody: raw,
    secrets: keys,
    nowSec: Math.floor(now.getTime() / 1000),
    toleranceSec: env.WEBHOOK_SIGNATURE_TOLERANCE_SECONDS,
  });
  if (!sig.ok) return refuse(sig.reason, ctx);

  // Parsed only once authenticated: unauthenticated input never reaches JSON.parse.
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return refuse("malformed_json", ctx);
  }
  const parsed = ZWebhookEnvelope.safeParse(json);
  if (!parsed.success) return refuse("invalid_envelope", ctx);

  const { type, data } = parsed.data.event;
  // PostgreSQL cannot store every JSON value a signed body may hold (lib/api/storable-text.ts):
  // such an event is acknowledged and kept as unprocessable instead of failing with a 500.
  const text = unstorableTextAt(data);
  const problem = text
    ? { path: `/event/data${text.path}`, message: text.message }
    : nestedDeeperThan(data, MAX_DATA_DEPTH)
      ? { path: "/event/data", message: `Nested more than ${MAX_DATA_DEPTH} levels deep` }
      : null;
  const row = {
    dedupeKey: dedupeKeyOf(type, data, raw),
    type,
    objectId: objectIdOf(data),
    signatureResult: sig.result,
    rawBody: raw,
    eventTimestamp: eventTimestampOf(parsed.data),
    receivedAt: now,
  };
  // The raw body is valid UTF-8 without NUL (JSON.parse accepted it), so it holds those
  // characters only as JSON escapes: it is stored as received. The object id is escaped.
  const stored = problem
    ? await storeUnprocessableEvent(
        { ...row, objectId: row.objectId === null ? null : escapeUnstorable(row.objectId) },
        problem,
      )
    : await storeEvent({ ...row, data });
  if (stored.inserted && !problem) wakeDrain(o.log);
  const fields = {
    webhookEventId: stored.id.toString(),
    type,
    duplicate: !stored.inserted,
    deliveries: stored.deliveries,
  };
  if (problem) o.log.warn({ ...fields, unprocessable: problem }, "webhook received, unprocessable");
  else o.log.info(fields, "webhook received");
  return {
    received: true,
    event_id: stored.id.toString(),
    duplicate: !stored.inserted,
    deliveries: stored.deliveries,
    ...(problem ? { unprocessable: true as const } : {}),
  };
}
