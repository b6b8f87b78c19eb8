import "server-only";
import { db } from "../db";
import { env } from "../env";
import { logger } from "../logger";

// The optional outgoing webhook (ALERT_WEBHOOK_URL): Slack-style JSON ({"text": …} plus the
// structured alert) for every alert that opened. notifiedAt is set only after a 2xx, so the
// sweep retries deliveries that failed; folding never notifies twice.

const TIMEOUT_MS = 5_000;
const ICON: Record<string, string> = {
  critical: ":rotating_light:",
  warning: ":warning:",
  info: ":information_source:",
};

export type TAlertForNotify = {
  id: string;
  rule: string;
  severity: string;
  title: string;
  openedAt: Date;
  details: unknown;
};

export function slackPayload(
  a: TAlertForNotify,
  consoleUrl: string | undefined,
): Record<string, unknown> {
  const link = consoleUrl ? ` <${consoleUrl.replace(/\/$/, "")}/alerts?focus=${a.id}|open>` : "";
  return {
    text: `${ICON[a.severity] ?? ""} [${a.severity}] ${a.title}${link}`.trim(),
    alert: {
      id: a.id,
      rule: a.rule,
      severity: a.severity,
      title: a.title,
      opened_at: a.openedAt.toISOString(),
      details: a.details,
    },
  };
}

export async function notifyPending(
  o: { url?: string; fetchImpl?: typeof fetch } = {},
): Promise<{ sent: number; failed: number }> {
  const url = o.url ?? env.ALERT_WEBHOOK_URL;
  if (!url) return { sent: 0, failed: 0 };
  const pending = await db.alert.findMany({
    where: { notifiedAt: null, state: { not: "resolved" } },
    orderBy: { openedAt: "asc" },
    take: 20,
  });
  let sent = 0;
  let failed = 0;
  for (const a of pending) {
    try {
      const res = await (o.fetchImpl ?? fetch)(url, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(slackPayload(a, env.NEXTAUTH_URL)),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
      if (!res.ok) throw new Error(`status ${res.status}`);
      await db.alert.updateMany({
        where: { id: a.id, notifiedAt: null },
        data: { notifiedAt: new Date() },
      });
      sent++;
    } catch (err) {
      failed++;
      logger.warn({ err, alertId: a.id }, "alert webhook delivery failed");
    }
  }
  return { sent, failed };
}
