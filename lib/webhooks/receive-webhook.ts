import "server-only";
import { env } from "../env";
import type { TLogger } from "../logger";
import { AppError } from "../api/app-error";
import { verifySignature, type TSignatureSecret } from "./signature";
import { BodyNotUtf8Error, BodyTooLargeError, readRawBody } from "./read-raw-body";
import { dedupeKeyOf, eventTimestampOf, objectIdOf, ZWebhookEnvelope } from "./envelope";
import { storeEvent } from "./store-events";
import { recordRejection, type TRejectionReason } from "./record-rejection";
import { wakeDrain } from "./enqueue-processing";

export type TReceived = {
  received: true;
  event_id: string;
  duplicate: boolean;
  deliveries: number;
};

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
const MESSAGE_OF: Record<TRejectionReason, string> = {
  missing_signature: "Mono-Signature header is missing",
  malformed_signature: "Mono-Signature header is malformed",
  stale_timestamp: "Mono-Signature timestamp is outside the tolerance",
  bad_signature: "Mono-Signature does not match",
  malformed_json: "Body is not valid JSON",
  invalid_envelope: "Body is not a Mono event envelope",
  too_large: "Body is too large",
  not_configured: "Webhook secret is not configured",
};

async function refuse(
  reason: TRejectionReason,
  o: { ip: string | null; log: TLogger; now: Date },
): Promise<never> {
  await recordRejection(reason, o);
  throw new AppError(STATUS_OF[reason], MESSAGE_OF[reason], { meta: { reason } });
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
  const stored = await storeEvent({
    dedupeKey: dedupeKeyOf(type, data, raw),
    type,
    objectId: objectIdOf(data),
    signatureResult: sig.result,
    rawBody: raw,
    data,
    eventTimestamp: eventTimestampOf(parsed.data),
    receivedAt: now,
  });
  if (stored.inserted) wakeDrain(o.log);
  o.log.info(
    {
      webhookEventId: stored.id.toString(),
      type: parsed.data.event.type,
      duplicate: !stored.inserted,
      deliveries: stored.deliveries,
    },
    "webhook received",
  );
  return {
    received: true,
    event_id: stored.id.toString(),
    duplicate: !stored.inserted,
    deliveries: stored.deliveries,
  };
}
