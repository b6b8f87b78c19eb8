import "server-only";
import { db } from "../db";
import { AppError } from "../api/app-error";
import { consoleWords } from "../api/console-words";
import { recordAudit, type TAuditContext } from "../audit/record-audit";
import { presentWebhookReveal, type TWebhookReveal } from "../api/resources/webhook";

// One webhook event's raw body exactly as Mono sent it (beneficiary numbers in clear), once, for a
// stated reason: the same permission and audit entry as the operation reveal (pii.revealed).
export async function revealWebhookEvent(
  id: string,
  reason: string,
  ctx: TAuditContext,
): Promise<TWebhookReveal> {
  const ev = await db.webhookEvent.findUnique({
    where: { id: BigInt(id) },
    select: { id: true, rawBody: true, data: true },
  });
  if (!ev) throw AppError.worded("not_found", consoleWords("no_such", { thing: "webhook" }));
  await recordAudit({
    action: "pii.revealed",
    target: { type: "webhook_event", id },
    details: { reason },
    ctx,
  });
  return presentWebhookReveal(ev);
}
