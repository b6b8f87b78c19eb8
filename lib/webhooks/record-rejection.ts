import "server-only";
import { db } from "../db";
import { env } from "../env";
import type { TLogger } from "../logger";
import { raiseAlert } from "../alerts/raise-alert";

export type TRejectionReason =
  | "missing_signature"
  | "malformed_signature"
  | "stale_timestamp"
  | "bad_signature"
  | "malformed_json"
  | "invalid_envelope"
  | "too_large"
  | "not_configured";

export const SIGNATURE_ALERT_WINDOW_MS = 15 * 60_000;

// A refused delivery is counted (reason, time, source address) and logged — its body is never
// stored. Bad signatures past the threshold raise the "signature_failures" alert at once (same
// rule and fold key as lib/alerts' periodic evaluation, so both fold into one alert).
export async function recordRejection(
  reason: TRejectionReason,
  o: { ip: string | null; log: TLogger; now?: Date; detail?: string },
): Promise<void> {
  const now = o.now ?? new Date();
  o.log.warn({ webhookRejection: reason, ip: o.ip, detail: o.detail }, "webhook delivery refused");
  await db.webhookRejection.create({
    data: { reason, ip: o.ip?.slice(0, 100) ?? null, receivedAt: now },
  });
  if (reason !== "bad_signature") return;
  const n = await db.webhookRejection.count({
    where: {
      reason: "bad_signature",
      receivedAt: { gte: new Date(now.getTime() - SIGNATURE_ALERT_WINDOW_MS) },
    },
  });
  if (n < env.WEBHOOK_SIGNATURE_ALERT_THRESHOLD) return;
  await raiseAlert(
    {
      rule: "signature_failures",
      subject: "webhooks",
      severity: "warning",
      title: `${n} webhook deliveries with a bad signature in 15 minutes`,
      details: { count: n, threshold: env.WEBHOOK_SIGNATURE_ALERT_THRESHOLD, lastIp: o.ip },
    },
    now,
  );
}
