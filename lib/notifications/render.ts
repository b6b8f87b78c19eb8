import { maskText } from "../operations/mask";

// The words of every notification, in the console's bell, e-mails and chat posts alike: one place
// for a later translation pass. Pure (shared with tests). Nothing here prints a beneficiary's
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

const TEXT = {
  kinds: {
    payout: "Payout",
    bank_transfer: "Bank transfer",
    transfer_batch: "Transfer batch",
  } as Record<string, string>,
  operation: "Operation",
  waiting: (what: string, id: string, amount: string) =>
    `${what} ${id} (${amount}) is waiting for your approval`,
  decided: (what: string, id: string, decision: string, by: string) =>
    `Your ${what.toLowerCase()} ${id} was ${decision} by ${by}`,
  reason: (r: string) => `Reason: ${r}`,
  comment: (c: string) => `Comment: ${c}`,
  alert: (title: string) => `Critical alert: ${title}`,
  open: "Open in the console",
  someone: "an approver",
  unknown: "Notification",
};

function money(minor: unknown, currency: unknown): string {
  const n = typeof minor === "string" || typeof minor === "number" ? Number(minor) : NaN;
  if (!Number.isFinite(n)) return String(currency ?? "");
  return `${String(currency ?? "COP")} ${(n / 100).toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

export function hrefOf(n: Pick<TNotificationIn, "operationId" | "alertId">): string {
  if (n.operationId) return `/operations/${n.operationId}`;
  if (n.alertId) return `/alerts?focus=${n.alertId}`;
  return "/";
}

/** Title, optional second line, and where it leads (a console path; the permalink adds the URL). */
export function renderNotification(n: TNotificationIn): {
  title: string;
  body: string | null;
  href: string;
} {
  const d = (n.details ?? {}) as Record<string, unknown>;
  const what = TEXT.kinds[String(d.operationKind)] ?? TEXT.operation;
  const href = hrefOf(n);
  switch (n.kind) {
    case "approval_waiting":
      return {
        title: TEXT.waiting(what, n.operationId ?? "", money(d.amount, d.currency)),
        body: null,
        href,
      };
    case "decision": {
      const decision = String(d.decision ?? "");
      const comment = typeof d.comment === "string" && d.comment ? maskText(d.comment) : null;
      return {
        title: TEXT.decided(
          what,
          n.operationId ?? "",
          decision,
          typeof d.approverEmail === "string" ? d.approverEmail : TEXT.someone,
        ),
        body: comment
          ? decision === "rejected"
            ? TEXT.reason(comment)
            : TEXT.comment(comment)
          : null,
        href,
      };
    }
    case "critical_alert":
      return { title: TEXT.alert(maskText(String(d.title ?? ""))), body: null, href };
    default:
      return { title: TEXT.unknown, body: null, href };
  }
}

export function permalink(consoleUrl: string, href: string): string {
  return `${consoleUrl.replace(/\/$/, "")}${href}`;
}

/** An e-mail: subject and plain text, with the permalink. */
export function emailOf(n: TNotificationIn, consoleUrl: string) {
  const r = renderNotification(n);
  const link = permalink(consoleUrl, r.href);
  return {
    subject: r.title,
    text: [r.title, r.body, "", `${TEXT.open}: ${link}`].filter((x) => x !== null).join("\n"),
  };
}

/** A Slack-style incoming-webhook body: `text` (with a <url|label> link) plus structured fields. */
export function chatOf(n: TNotificationIn, consoleUrl: string) {
  const r = renderNotification(n);
  const link = permalink(consoleUrl, r.href);
  return {
    text: `${r.title}${r.body ? `\n${r.body}` : ""}\n<${link}|${TEXT.open}>`,
    notification: {
      kind: n.kind,
      operation_id: n.operationId,
      alert_id: n.alertId,
      permalink: link,
    },
  };
}
