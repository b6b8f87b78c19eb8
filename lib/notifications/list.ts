import "server-only";
import { sqlDb } from "../db";
import { notificationWords, renderNotification } from "./render";
import type { TLocale } from "@/i18n/locales";

// The header's bell: my latest notifications and how many are unread, in the reader's language.
const LIMIT = 30;

export async function myNotifications(userId: string, locale: TLocale) {
  const t = notificationWords(locale);
  const [rows, unread] = await Promise.all([
    sqlDb
      .selectFrom("Notification")
      .select(["id", "kind", "operationId", "alertId", "details", "createdAt", "readAt"])
      .where("userId", "=", userId)
      .orderBy("createdAt", "desc")
      .limit(LIMIT)
      .execute(),
    sqlDb
      .selectFrom("Notification")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("userId", "=", userId)
      .where("readAt", "is", null)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    unread: Number(unread.n),
    items: rows.map((n) => ({
      id: n.id,
      kind: n.kind,
      createdAt: n.createdAt,
      readAt: n.readAt,
      ...renderNotification(n, t),
    })),
  };
}

/** Marks my notifications read: the ones named, or all of them. */
export async function markRead(userId: string, ids: string[] | "all", locale: TLocale) {
  let q = sqlDb
    .updateTable("Notification")
    .set({ readAt: new Date() })
    .where("userId", "=", userId)
    .where("readAt", "is", null);
  if (ids !== "all") q = q.where((eb) => eb("id", "=", eb.fn.any(eb.val(ids))));
  await q.execute();
  return myNotifications(userId, locale);
}
