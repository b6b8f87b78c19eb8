import { describe, expect, it } from "vitest";
import { chatOf, emailOf, notificationWords, renderNotification } from "@/lib/notifications/render";

// The words of a notification in each language: the bell renders in its reader's language, e-mails
// and chat posts in NOTIFICATIONS_LOCALE. Amounts as money, free text masked.
const base = {
  id: "ntf_1",
  operationId: "op_AAAAAAAAAAAAAAAAAAAAAA",
  alertId: null,
  createdAt: new Date("2026-12-05T12:00:00Z"),
};

describe("notification words", () => {
  it("an approval waiting, in both languages", () => {
    const n = {
      ...base,
      kind: "approval_waiting",
      details: { operationKind: "payout", amount: "500000000", currency: "COP" },
    };
    expect(renderNotification(n, notificationWords("en")).title).toBe(
      "Payout op_AAAAAAAAAAAAAAAAAAAAAA ($ 5.000.000) is waiting for your approval",
    );
    expect(renderNotification(n, notificationWords("es-CO")).title).toBe(
      "El pago op_AAAAAAAAAAAAAAAAAAAAAA ($ 5.000.000) espera tu aprobación",
    );
  });

  it("a decision agrees with the kind in Spanish, and carries the masked comment", () => {
    const n = {
      ...base,
      kind: "decision",
      details: {
        decision: "rejected",
        operationKind: "bank_transfer",
        approverEmail: "approver@demo.mono-ops.test",
        comment: "wrong account 5172038846190",
      },
    };
    const es = renderNotification(n, notificationWords("es-CO"));
    expect(es.title).toBe(
      "Tu transferencia op_AAAAAAAAAAAAAAAAAAAAAA fue rechazada por approver@demo.mono-ops.test",
    );
    expect(es.body).toMatch(/^Motivo: wrong account /);
    expect(es.body).not.toContain("5172038846190");
    const en = renderNotification(n, notificationWords("en"));
    expect(en.title).toBe(
      "Your bank transfer op_AAAAAAAAAAAAAAAAAAAAAA was rejected by approver@demo.mono-ops.test",
    );
  });

  it("e-mail and chat carry the permalink and the words of their language", () => {
    const n = {
      ...base,
      kind: "critical_alert",
      operationId: null,
      alertId: "alr_1",
      details: { title: "Saldo bajo" },
    };
    const mail = emailOf(n, "https://ops.example.co/", notificationWords("es-CO"));
    expect(mail.subject).toBe("Alerta crítica: Saldo bajo");
    expect(mail.text).toContain("Abrir en la consola: https://ops.example.co/alerts?focus=alr_1");
    const chat = chatOf(n, "https://ops.example.co", notificationWords("en"));
    expect(chat.text).toContain("<https://ops.example.co/alerts?focus=alr_1|Open in the console>");
  });
});
