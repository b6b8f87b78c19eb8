import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { randomUUID } from "node:crypto";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeUser } from "@/prisma/factories";
import { submitPayout } from "@/lib/operations/submit-payout";
import {
  deliverNotifications,
  dispatchNotifications,
  type TDeliveryConfig,
} from "@/lib/notifications/deliver";
import { callRoute, type TTestUser } from "@/tests/support/route";
import { payoutInput, beneficiary, COP } from "@/tests/support/operations";
import * as decisionRoute from "@/app/api/operations/[id]/decision/route";
import * as bellRoute from "@/app/api/notifications/route";
import * as readRoute from "@/app/api/notifications/read/route";

// Approvals that reach people: a real SMTP server and a real HTTP receiver, both started here. The
// message arrives, holds the permalink and none of the beneficiary's numbers; a receiver that is
// down delays no decision and its message is retried later.
const ACCOUNT = "73" + String(Date.now()).slice(-10);
const DOCUMENT = "88" + String(Math.floor(Math.random() * 1e8)).padStart(8, "0");
const CONSOLE = "https://ops.example.test";

type TMail = { to: string[]; raw: string };
const mails: TMail[] = [];
const posts: { text: string; notification: { permalink: string } }[] = [];
let smtp: SMTPServer;
let smtpPort: number;
let http: Server;
let httpUrl: string;
let maker: TTestUser;
let approver: TTestUser;
let opId: string;

const cfg = (over: Partial<TDeliveryConfig> = {}): TDeliveryConfig => ({
  smtpUrl: `smtp://127.0.0.1:${smtpPort}`,
  emailFrom: "Ops Console <console@example.test>",
  chatUrl: httpUrl,
  consoleUrl: CONSOLE,
  timeoutMs: 2_000,
  ...over,
});

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, done) {
      let raw = "";
      stream.on("data", (c: Buffer) => (raw += c.toString("utf8")));
      stream.on("end", () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        done();
      });
    },
  });
  await new Promise<void>((r) => smtp.listen(0, "127.0.0.1", () => r()));
  smtpPort = (smtp.server.address() as AddressInfo).port;
  http = createServer((req, res) => {
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString("utf8")));
    req.on("end", () => {
      posts.push(JSON.parse(body));
      res.writeHead(200).end("ok");
    });
  });
  await new Promise<void>((r) => http.listen(0, "127.0.0.1", () => r()));
  httpUrl = `http://127.0.0.1:${(http.address() as AddressInfo).port}/hooks/ops`;
  maker = (await makeUser({ role: "operator" })).user;
  approver = (await makeUser({ role: "approver" })).user;
  const op = await submitPayout(
    payoutInput({
      amount: 1_000_000 * COP + 1,
      beneficiary: beneficiary({ accountNumber: ACCOUNT, documentNumber: DOCUMENT }),
    }),
    maker as never,
    {},
  );
  expect(op.state).toBe("pending_approval");
  opId = op.id;
});

afterAll(async () => {
  await new Promise<void>((r) => smtp.close(() => r()));
  await new Promise<void>((r) => http.close(() => r()));
});

// Other test files run background workers on the same database, without channels (they leave
// notifications new). This operation's notifications are made new again before each delivery, so
// this run sends them; dispatch takes the oldest first and other files' operations queue
// notifications too, so run until this operation's are all dispatched and none of its messages is due.
async function deliver(c: TDeliveryConfig) {
  await db.notification.updateMany({ where: { operationId: opId }, data: { dispatchedAt: null } });
  const total = { sent: 0, failed: 0 };
  for (let i = 0; i < 50; i++) {
    const r = await deliverNotifications(c);
    total.sent += r.sent;
    total.failed += r.failed;
    const [undispatched, due] = await Promise.all([
      db.notification.count({ where: { operationId: opId, dispatchedAt: null } }),
      db.outboundMessage.count({
        where: {
          eventKey: { contains: opId },
          state: "pending",
          nextAttemptAt: { lte: new Date() },
        },
      }),
    ]);
    if (undispatched === 0 && due === 0) break;
  }
  return total;
}
const mailTo = (email: string) => mails.filter((m) => m.to.includes(email));
// Quoted-printable soft line breaks would split a long permalink: undo them before matching.
const plain = (raw: string) => raw.replace(/=\r?\n/g, "").replace(/=3D/g, "=");

describe("approvals that reach people", () => {
  it("an approval waiting: the approver's bell, an e-mail and a chat post with the permalink and no full numbers", async () => {
    const bell = await callRoute(bellRoute.GET, { user: approver });
    expect(bell.status).toBe(200);
    const item = (bell.json.items as { kind: string; href: string; title: string }[]).find(
      (i) => i.kind === "approval_waiting" && i.href === `/operations/${opId}`,
    );
    expect(item?.title).toContain(opId);
    // The maker is not asked to approve their own operation.
    const makerBell = await callRoute(bellRoute.GET, { user: maker });
    expect(
      (makerBell.json.items as { kind: string }[]).filter((i) => i.kind === "approval_waiting"),
    ).toEqual([]);

    await deliver(cfg());
    const [mail] = mailTo(approver.email);
    expect(mail, "the approver's e-mail").toBeTruthy();
    const text = plain(mail.raw);
    expect(text).toContain(`${CONSOLE}/operations/${opId}`);
    const chat = posts.find((p) => p.notification.permalink === `${CONSOLE}/operations/${opId}`);
    expect(chat?.text).toContain(opId);
    for (const secret of [ACCOUNT, DOCUMENT]) {
      expect(text).not.toContain(secret);
      expect(JSON.stringify(posts)).not.toContain(secret);
    }
    // One chat post per event, however many approvers were e-mailed.
    expect(posts.filter((p) => p.notification.permalink.endsWith(opId)).length).toBe(1);
  });

  it("a rejection needs a reason; the maker hears it, even with the chat receiver down, and no decision waits for delivery", async () => {
    const op = await db.operation.findUniqueOrThrow({ where: { id: opId } });
    const noReason = await callRoute(decisionRoute.POST, {
      method: "POST",
      user: approver,
      params: { id: opId },
      headers: { "idempotency-key": randomUUID() },
      body: { decision: "rejected", fingerprint: op.fingerprint },
    });
    expect(noReason.status).toBe(400);

    const down = `http://127.0.0.1:1/closed`; // nothing listens on port 1
    const started = performance.now();
    const decided = await callRoute(decisionRoute.POST, {
      method: "POST",
      user: approver,
      params: { id: opId },
      headers: { "idempotency-key": randomUUID() },
      body: {
        decision: "rejected",
        fingerprint: op.fingerprint,
        comment: "Wrong invoice for account 5172038846190",
      },
    });
    expect(decided.status, JSON.stringify(decided.json)).toBe(200);
    expect(performance.now() - started).toBeLessThan(5_000);
    expect((await db.operation.findUniqueOrThrow({ where: { id: opId } })).state).toBe("rejected");

    const before = posts.length;
    const r = await deliver(cfg({ chatUrl: down }));
    expect(r.failed).toBeGreaterThan(0);
    const mail = mailTo(maker.email)
      .map((m) => plain(m.raw))
      .find((t) => t.includes("fue rechazado")); // e-mails default to es-CO (NOTIFICATIONS_LOCALE)
    expect(mail, "the maker's e-mail").toBeTruthy();
    expect(mail).toContain("Motivo: Wrong invoice for account");
    expect(mail).toContain("Wrong invoice for account");
    expect(mail).not.toContain("5172038846190"); // free text is masked
    expect(mail).toContain(`${CONSOLE}/operations/${opId}`);
    expect(posts.length).toBe(before);

    // The failed chat post waits for a retry; it is delivered once the receiver is back.
    const pending = await db.outboundMessage.findFirstOrThrow({
      where: {
        channel: "chat",
        eventKey: { startsWith: "decision:" },
        state: "pending",
        attempts: 1,
      },
      orderBy: { createdAt: "desc" },
    });
    expect(pending.lastError).toBeTruthy();
    expect(pending.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    await db.outboundMessage.update({
      where: { id: pending.id },
      data: { nextAttemptAt: new Date(0) },
    });
    await deliverNotifications(cfg());
    expect((await db.outboundMessage.findUniqueOrThrow({ where: { id: pending.id } })).state).toBe(
      "sent",
    );

    // The maker's bell says it too, with the reason; reading it clears the count.
    const bell = await callRoute(bellRoute.GET, { user: maker });
    const item = (bell.json.items as { kind: string; body: string | null }[]).find(
      (i) => i.kind === "decision",
    );
    expect(item?.body).toContain("Wrong invoice");
    const read = await callRoute(readRoute.POST, {
      method: "POST",
      user: maker,
      body: { all: true },
    });
    expect(read.json.unread).toBe(0);
  });

  it("a process with no channel leaves notifications new; a day-old one is not sent outward", async () => {
    const fresh = await db.notification.create({
      data: {
        id: `ntf_${randomUUID().replace(/-/g, "")}`,
        userId: maker.id,
        kind: "critical_alert",
        eventKey: `test-fresh:${randomUUID()}`,
        details: { title: "fresh" },
      },
    });
    expect(await dispatchNotifications({ emailFrom: "x@example.test", consoleUrl: CONSOLE })).toBe(
      0,
    );
    expect(
      (await db.notification.findUniqueOrThrow({ where: { id: fresh.id } })).dispatchedAt,
    ).toBeNull();

    const stale = await db.notification.create({
      data: {
        id: `ntf_${randomUUID().replace(/-/g, "")}`,
        userId: maker.id,
        kind: "critical_alert",
        eventKey: `test-stale:${randomUUID()}`,
        details: { title: "stale" },
        createdAt: new Date(Date.now() - 25 * 3600_000),
      },
    });
    for (let i = 0; i < 50; i++) {
      await dispatchNotifications(cfg());
      const left = await db.notification.count({
        where: { id: { in: [fresh.id, stale.id] }, dispatchedAt: null },
      });
      if (left === 0) break;
    }
    const messages = await db.outboundMessage.findMany({
      where: { notificationId: { in: [fresh.id, stale.id] } },
    });
    expect(messages.map((m) => m.notificationId).sort()).toEqual([fresh.id, fresh.id]);
    expect(
      (await db.notification.findUniqueOrThrow({ where: { id: stale.id } })).dispatchedAt,
    ).not.toBeNull();
  });

  it("a critical alert reaches operators", async () => {
    await db.alert.create({
      data: {
        id: `alr_${randomUUID().replace(/-/g, "").slice(0, 22)}`,
        rule: "balance_critical",
        foldKey: `balance_critical:${randomUUID()}`,
        severity: "critical",
        title: "Balance below the critical floor",
        details: {},
        state: "open",
      },
    });
    const bell = await callRoute(bellRoute.GET, { user: maker });
    expect((bell.json.items as { kind: string }[]).some((i) => i.kind === "critical_alert")).toBe(
      true,
    );
  });
});
