import { createTranslator } from "use-intl/core";
import type { TLocale } from "@/i18n/locales";
import { formatMoney } from "../format/format";
import { maskText } from "../operations/mask";
import en from "@/messages/en/notifications.json";
import es from "@/messages/es-CO/notifications.json";

// The words of every notification, in the console's bell, e-mails and chat posts alike. Pure (shared with tests). Nothing here prints a beneficiary's
// numbers: the details hold the operation's kind, amount and id, a decision and its comment, an
// alert's title; free text (comments, titles) is masked as every free text the console shows.

export type TNotificationIn = {
  id: string;
  kind: string;
  operationId: string | null;
  alertId: string | null;
  details: unknown;
  createdAt: Date;
};

// The words: the "notifications" catalogue (message.*) in the reader's language. The bell renders in
// the language of the person who opens it; e-mails and chat posts in NOTIFICATIONS_LOCALE.
const CATALOGUES = { en, "es-CO": es } as const;
export function notificationWords(locale: TLocale) {
  return createTranslator({
    locale,
    messages: CATALOGUES[locale],
    namespace: "message",
  });
}
type TWords = ReturnType<typeof notificationWords>;

function money(minor: unknown, currency: unknown): string {
  const n = typeof minor === "string" || typeof minor === "number" ? String(minor) : "";
  if (!/^-?\d+$/.test(n)) return String(currency ?? "");
  return formatMoney(BigInt(n), { currency: String(currency ?? "COP") });
}

export function hrefOf(n: Pick<TNotificationIn, "operationId" | "alertId">): string {
  if (n.operationId) return `/operations/${n.operationId}`;
  if (n.alertId) return `/alerts?focus=${n.alertId}`;
  return "/";
}

/** Title, optional second line, and where it leads (a console path; the permalink adds the URL). */
export function renderNotification(
  n: TNotificationIn,
  t: TWords = notificationWords("en"),
): {
  title: string;
  body: string | null;
  href: string;
} {
  const d = (n.details ?? {}) as Record<string, unknown>;
  const kind = String(d.operationKind ?? "");
  const href = hrefOf(n);
  switch (n.kind) {
    case "approval_waiting":
      return {
        title: t("waiting", {
          kind,
          id: n.operationId ?? "",
          amount: money(d.amount, d.currency),
        }),
        body: null,
        href,
      };
    case "decision": {
      const decision = String(d.decision ?? "");
      const comment = typeof d.comment === "string" && d.comment ? maskText(d.comment) : null;
      return {
        title: t("decided", {
          kind,
          id: n.operationId ?? "",
          decision,
          by: typeof d.approverEmail === "string" ? d.approverEmail : t("someone"),
        }),
        body: comment
          ? decision === "rejected"
            ? t("reason", { text: comment })
            : t("comment", { text: comment })
          : null,
        href,
      };
    }
    case "critical_alert":
      return { title: t("alert", { title: maskText(String(d.title ?? "")) }), body: null, href };
    default:
      return { title: t("unknown"), body: null, href };
  }
}

export function permalink(consoleUrl: string, href: string): string {
  return `${consoleUrl.replace(/\/$/, "")}${href}`;
}

/** An e-mail: subject and plain text, with the permalink. */
export function emailOf(n: TNotificationIn, consoleUrl: string, t: TWords) {
  const r = renderNotification(n, t);
  const link = permalink(consoleUrl, r.href);
  return {
    subject: r.title,
    text: [r.title, r.body, "", `${t("open")}: ${link}`].filter((x) => x !== null).join("\n"),
  };
}

/** A Slack-style incoming-webhook body: `text` (with a <url|label> link) plus structured fields. */
export function chatOf(n: TNotificationIn, consoleUrl: string, t: TWords) {
  const r = renderNotification(n, t);
  const link = permalink(consoleUrl, r.href);
  return {
    text: `${r.title}${r.body ? `\n${r.body}` : ""}\n<${link}|${t("open")}>`,
    notification: {
      kind: n.kind,
      operation_id: n.operationId,
      alert_id: n.alertId,
      permalink: link,
    },
  };
}
