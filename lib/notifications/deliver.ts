import "server-only";
import { sql } from "kysely";
import nodemailer from "nodemailer";
import { sqlDb } from "../db";
import { env } from "../env";
import { newId } from "../ids";
import { logger } from "../logger";
import { maskText } from "../operations/mask";
import { chatOf, emailOf, notificationWords, type TNotificationIn } from "./render";
import type { TLocale } from "@/i18n/locales";

// Outward delivery of notifications (docs/PAYOUTS.md "Approvals that reach people"): the
// notifications.deliver job (every 10 s) first turns new notifications into outward messages (one
// e-mail per person when NOTIFY_SMTP_URL is set, one chat post per event when
// NOTIFY_CHAT_WEBHOOK_URL is set), then sends the messages that are due. A failure is retried with
// backoff (30 s doubling, at most 1 h apart, 8 attempts); nothing here is on the path of a
// decision, which only writes the notification rows (triggers, in its own transaction).

export type TDeliveryConfig = {
  smtpUrl?: string;
  emailFrom: string;
  chatUrl?: string;
  consoleUrl: string;
  locale?: TLocale; // the words of e-mails and chat posts (default es-CO)
  timeoutMs?: number;
};

export function configFromEnv(): TDeliveryConfig {
  return {
    smtpUrl: env.NOTIFY_SMTP_URL,
    emailFrom: env.NOTIFY_EMAIL_FROM,
    chatUrl: env.NOTIFY_CHAT_WEBHOOK_URL,
    consoleUrl: env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`,
    locale: env.NOTIFICATIONS_LOCALE,
  };
}

const MAX_ATTEMPTS = 8;
const LEASE = "2 minutes";
const BATCH = 50;
const ROUNDS = 10; // per run of the job: up to 500 messages, then the next run goes on
const STALE_MS = 24 * 3600_000; // a notification older than this is not sent outward any more

/**
 * New notifications → outward messages. A process with no channel configured leaves them new, for
 * a process that has one (it does not mark them dispatched with nothing sent); a notification older
 * than a day is marked dispatched without a message, so turning e-mail on later does not send a
 * backlog of stale news.
 */
export async function dispatchNotifications(cfg: TDeliveryConfig): Promise<number> {
  if (!cfg.smtpUrl && !cfg.chatUrl) return 0;
  const staleBefore = Date.now() - STALE_MS;
  return sqlDb.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom("Notification")
      .select(["id", "userId", "eventKey", "createdAt"])
      .where("dispatchedAt", "is", null)
      .orderBy("createdAt")
      .limit(200)
      .forUpdate()
      .skipLocked()
      .execute();
    if (rows.length === 0) return 0;
    const users = await trx
      .selectFrom("User")
      .select(["id", "email"])
      .where((eb) => eb("id", "=", eb.fn.any(eb.val([...new Set(rows.map((r) => r.userId))]))))
      .execute();
    const emailOfUser = new Map(users.map((u) => [u.id, u.email]));
    const fresh = rows.filter((r) => r.createdAt.getTime() >= staleBefore);
    const messages = fresh.flatMap((r) =>
      [
        ...(cfg.smtpUrl && emailOfUser.get(r.userId)
          ? [{ channel: "email", recipient: emailOfUser.get(r.userId)! }]
          : []),
        ...(cfg.chatUrl ? [{ channel: "chat", recipient: "" }] : []),
      ].map((m) => ({ id: newId("out"), ...m, eventKey: r.eventKey, notificationId: r.id })),
    );
    if (messages.length)
      await trx
        .insertInto("OutboundMessage")
        .values(messages)
        .onConflict((oc) => oc.columns(["channel", "eventKey", "recipient"]).doNothing())
        .execute();
    await trx
      .updateTable("Notification")
      .set({ dispatchedAt: new Date() })
      .where((eb) => eb("id", "=", eb.fn.any(eb.val(rows.map((r) => r.id)))))
      .execute();
    return messages.length;
  });
}

type TClaimed = {
  id: string;
  channel: string;
  recipient: string;
  notificationId: string;
  attempts: number;
};

/**
 * Claims the due messages of the channels this process has configured (a lease: another instance
 * skips them), sends each, records the outcome. A process without a channel's configuration leaves
 * that channel's messages to the instances that have it.
 */
export async function sendDueMessages(cfg: TDeliveryConfig, now = new Date()) {
  const channels = [...(cfg.smtpUrl ? ["email"] : []), ...(cfg.chatUrl ? ["chat"] : [])];
  if (channels.length === 0) return { claimed: 0, sent: 0, failed: 0 };
  const claimed = (
    await sql<TClaimed>`
    UPDATE "OutboundMessage" SET attempts = attempts + 1, "nextAttemptAt" = now() + ${LEASE}::interval
    WHERE id IN (
      SELECT id FROM "OutboundMessage"
      WHERE state = 'pending' AND "nextAttemptAt" <= ${now} AND channel = ANY(${channels}::text[])
      ORDER BY "nextAttemptAt" LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)
    RETURNING id, channel, recipient, "notificationId", attempts`.execute(sqlDb)
  ).rows;
  let sent = 0;
  let failed = 0;
  await Promise.all(
    claimed.map(async (m) => {
      try {
        const n = await sqlDb
          .selectFrom("Notification")
          .select(["id", "kind", "operationId", "alertId", "details", "createdAt"])
          .where("id", "=", m.notificationId)
          .executeTakeFirstOrThrow();
        if (m.channel === "email") await sendEmail(cfg, m.recipient, n);
        else await postChat(cfg, n);
        await sqlDb
          .updateTable("OutboundMessage")
          .set({ state: "sent", sentAt: new Date(), lastError: null })
          .where("id", "=", m.id)
          .execute();
        sent++;
      } catch (err) {
        failed++;
        const giveUp = m.attempts >= MAX_ATTEMPTS;
        const backoffS = Math.min(3600, 30 * 2 ** (m.attempts - 1));
        logger.warn(
          { err, messageId: m.id, channel: m.channel, attempts: m.attempts },
          "notification delivery failed",
        );
        await sqlDb
          .updateTable("OutboundMessage")
          .set({
            state: giveUp ? "failed" : "pending",
            lastError: maskText(err instanceof Error ? err.message : String(err)).slice(0, 500),
            nextAttemptAt: new Date(Date.now() + backoffS * 1000),
          })
          .where("id", "=", m.id)
          .execute();
      }
    }),
  );
  return { claimed: claimed.length, sent, failed };
}

async function sendEmail(cfg: TDeliveryConfig, to: string, n: TNotificationIn) {
  if (!cfg.smtpUrl) throw new Error("e-mail is not configured (NOTIFY_SMTP_URL)");
  const timeout = cfg.timeoutMs ?? 10_000;
  const transport = nodemailer.createTransport(cfg.smtpUrl, {
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  } as never);
  try {
    const mail = emailOf(n, cfg.consoleUrl, notificationWords(cfg.locale ?? "es-CO"));
    await transport.sendMail({ from: cfg.emailFrom, to, subject: mail.subject, text: mail.text });
  } finally {
    transport.close();
  }
}

async function postChat(cfg: TDeliveryConfig, n: TNotificationIn) {
  if (!cfg.chatUrl) throw new Error("chat is not configured (NOTIFY_CHAT_WEBHOOK_URL)");
  const res = await fetch(cfg.chatUrl, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(chatOf(n, cfg.consoleUrl, notificationWords(cfg.locale ?? "es-CO"))),
    signal: AbortSignal.timeout(cfg.timeoutMs ?? 5_000),
  });
  if (!res.ok) throw new Error(`chat webhook answered ${res.status}`);
}

/** The job: dispatch new notifications, then send what is due. */
export async function deliverNotifications(cfg: TDeliveryConfig = configFromEnv()) {
  const dispatched = await dispatchNotifications(cfg);
  const total = { claimed: 0, sent: 0, failed: 0 };
  for (let round = 0; round < ROUNDS; round++) {
    const r = await sendDueMessages(cfg);
    total.claimed += r.claimed;
    total.sent += r.sent;
    total.failed += r.failed;
    if (r.claimed < BATCH) break;
  }
  return { dispatched, ...total };
}
