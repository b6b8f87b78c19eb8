import "server-only";
import { db } from "../db";
import { logger } from "../logger";
import { recordAudit } from "../audit/record-audit";
import { raiseAlert } from "../alerts/raise-alert";
import { evaluateWebhookSilence } from "../alerts/evaluate-health";
import { confirmOperation } from "../operations/confirm-operation";
import { RAILS, type TRail } from "../operations/rails";
import { raiseWebhookAlert, resolveWebhookAlerts } from "./raise-alert";

// The gap detector (docs/DESIGN.md §8). Mono retries a delivery for ~8.4 h, so an operation still
// "accepted" past its rail's expected time with no webhook at all is a signal: it is polled now
// (confirmOperation reads Mono) and flagged — audited once per operation, and one folded
// "webhook_gap" alert while any such operation remains. It also raises the "webhook_silence"
// alert (lib/alerts' own evaluator, folded on the same key) when nothing arrived for
// WEBHOOK_SILENCE_MINUTES while operations are in flight.

const FALLBACK_MINUTES = RAILS.co_ach.expectedMinutes;

export function expectedMinutesOf(op: { method: string | null; monoRequest: unknown }): number {
  const routing = (op.monoRequest as { transfers?: { routing?: string }[] } | null)?.transfers?.[0]
    ?.routing;
  const rail = (op.method ?? routing) as TRail | undefined;
  return rail && rail in RAILS ? RAILS[rail].expectedMinutes : FALLBACK_MINUTES;
}

export type TGapReport = {
  candidates: number;
  gaps: string[];
  settledByPoll: string[];
  silence: boolean;
};

export async function detectWebhookGaps(o: { now?: Date } = {}): Promise<TGapReport> {
  const now = o.now ?? new Date();
  // The shortest rail bounds the query; each operation is then checked against its own rail.
  const minMinutes = Math.min(...Object.values(RAILS).map((r) => r.expectedMinutes));
  const accepted = await db.operation.findMany({
    where: { state: "accepted", acceptedAt: { lt: new Date(now.getTime() - minMinutes * 60_000) } },
    select: { id: true, method: true, monoRequest: true, acceptedAt: true, monoId: true },
    orderBy: { acceptedAt: "asc" },
    take: 500,
  });
  const overdue = accepted.filter(
    (op) =>
      op.acceptedAt && now.getTime() - op.acceptedAt.getTime() > expectedMinutesOf(op) * 60_000,
  );
  const withEvents = new Set(
    (
      await db.webhookEvent.groupBy({
        by: ["operationId"],
        where: { operationId: { in: overdue.map((op) => op.id) } },
      })
    ).map((g) => g.operationId),
  );
  const gaps: string[] = [];
  const settledByPoll: string[] = [];
  for (const op of overdue.filter((x) => !withEvents.has(x.id))) {
    let stillAccepted = true;
    try {
      stillAccepted = !(await confirmOperation(op.id, { actorEmail: "system:gap-detector" }))
        .changed;
    } catch (err) {
      logger.warn({ err, operationId: op.id }, "gap detector could not poll Mono");
    }
    (stillAccepted ? gaps : settledByPoll).push(op.id);
    const flagged = await db.auditEvent.findFirst({
      where: { targetId: op.id, action: "operation.webhook_gap" },
      select: { seq: true },
    });
    if (!flagged) {
      const minutes = Math.round((now.getTime() - op.acceptedAt!.getTime()) / 60_000);
      await recordAudit({
        action: "operation.webhook_gap",
        target: { type: "operation", id: op.id },
        details: {
          minutesAccepted: minutes,
          expectedMinutes: expectedMinutesOf(op),
          monoId: op.monoId,
          settledByPoll: !stillAccepted,
        },
        ctx: { actorEmail: "system:gap-detector" },
      });
    }
  }
  const fold = "webhook_gap:webhooks";
  if (gaps.length > 0) {
    await raiseWebhookAlert(
      {
        rule: "webhook_gap",
        subject: "webhooks",
        severity: "warning",
        title: `${gaps.length} operation(s) past their rail's expected time with no webhook from Mono`,
        details: { operations: gaps.slice(0, 20).join(", "), count: gaps.length },
      },
      now,
    );
  }
  await resolveWebhookAlerts("webhook_gap", new Set(gaps.length > 0 ? [fold] : []), now);
  const silence = await evaluateWebhookSilence(now);
  for (const s of silence) await raiseAlert(s, now);
  return { candidates: overdue.length, gaps, settledByPoll, silence: silence.length > 0 };
}
