import { randomUUID } from "node:crypto";
import { describe, expect, it, vi } from "vitest";
import { ACCOUNT, DOCUMENT } from "./seed-beneficiary";

// Every log line of this file is captured: the console's own logger, with its real options
// (serializers, formatters, redaction), writing to an array at debug level.
const lines = vi.hoisted(() => [] as string[]);
vi.mock("@/lib/logger", async (importOriginal) => {
  const real = await importOriginal<typeof import("@/lib/logger")>();
  const pino = (await import("pino")).default;
  const logger = pino(
    { ...real.loggerOptions, level: "debug" },
    { write: (s: string) => void lines.push(s) },
  );
  return { ...real, logger };
});

const { withApi } = await import("@/lib/api/with-api");
const { db } = await import("@/lib/db");
const { sqlDb } = await import("@/lib/db");
const { logger } = await import("@/lib/logger");
const { MonoApiError } = await import("@/lib/mono/errors");
const { makeUser } = await import("@/prisma/factories");
const { callRoute } = await import("@/tests/support/route");
const { payoutInput } = await import("@/tests/support/operations");
const { processWebhookEvent } = await import("@/lib/webhooks/process-webhook-event");

function scan(): string[] {
  return lines.filter((l) => l.includes(ACCOUNT) || l.includes(DOCUMENT));
}

describe("no log line carries a beneficiary's account or document number", () => {
  it("through every failing path the test can provoke", async () => {
    const admin = (await makeUser({ role: "admin" })).user;
    const dedupeKey = `dk-${ACCOUNT}-${randomUUID()}`;
    const event = {
      dedupeKey,
      type: "payout.updated",
      signatureResult: "valid",
      rawBody: JSON.stringify({ account_number: ACCOUNT }),
      data: { account_number: ACCOUNT, document_number: DOCUMENT },
    };
    await db.webhookEvent.create({ data: event });

    // 1. A unique violation through Prisma (P2002, meta from the driver adapter) and through
    //    Kysely on the node-pg pool (detail "Key (…)=(…)" with the row's values), each thrown out
    //    of a route handler: withApi logs them at level 50. The webhook dedupe key (which here
    //    holds the account number) is unique in WebhookEventKey, the partitioned events' index.
    const key = { dedupeKey, receivedAt: new Date() };
    await db.webhookEventKey.create({ data: key });
    const viaPrisma = withApi({ permission: "webhooks.read" }, async () => {
      await db.webhookEventKey.create({ data: key });
    });
    const viaPg = withApi({ permission: "webhooks.read" }, async () => {
      await sqlDb.insertInto("WebhookEventKey").values(key).execute();
    });
    for (const h of [viaPrisma, viaPg]) {
      const r = await callRoute(h, { user: admin });
      expect(r.status).toBeGreaterThanOrEqual(400);
    }
    // The same errors logged at level 50 by hand (as a job or a catch block would).
    const e1: unknown = await db.webhookEventKey.create({ data: key }).catch((e: unknown) => e);
    const e2: unknown = await sqlDb
      .insertInto("WebhookEventKey")
      .values(key)
      .execute()
      .catch((e: unknown) => e);
    expect(e1).toBeInstanceOf(Error);
    expect(e2).toBeInstanceOf(Error);
    // The raw errors do carry the number (so the serializer, not luck, keeps it out).
    expect(JSON.stringify({ ...(e2 as object) })).toContain(ACCOUNT);
    logger.error({ err: e1 }, "database error");
    logger.error({ err: e2 }, "database error");

    // 2. A Mono 4xx whose message and error items name the account (logged as an error object).
    const mono = new MonoApiError(
      422,
      "invalid_account",
      `Account ${ACCOUNT} (document ${DOCUMENT}) is not valid`,
      "/v1/core/payouts",
      "log_1",
      [{ error_code: "invalid_account", detail: { account_number: ACCOUNT } }] as never,
      null,
    );
    logger.error({ err: mono, body: { target: { account_number: ACCOUNT } } }, "mono refused");
    const viaMono = withApi({ permission: "webhooks.read" }, async () => {
      throw Object.assign(new Error(`wrapped: ${ACCOUNT}`), { cause: mono, meta: { ACCOUNT } });
    });
    expect((await callRoute(viaMono, { user: admin })).status).toBe(500);

    // 3. A validation error on a real route whose body holds the numbers.
    const { POST } = await import("@/app/api/operations/payouts/route");
    const bad = payoutInput();
    bad.beneficiary.accountNumber = ACCOUNT;
    bad.beneficiary.documentNumber = `${DOCUMENT}!`;
    const v = await callRoute(POST, {
      method: "POST",
      user: admin,
      body: bad,
      headers: { "idempotency-key": randomUUID() },
    });
    expect(v.status).toBeGreaterThanOrEqual(400);
    expect(v.status).toBeLessThan(500);

    // 4. Webhook processing that fails: an event whose data is not a Mono object.
    const broken = await db.webhookEvent.create({
      data: {
        ...event,
        dedupeKey: `${dedupeKey}-broken`,
        data: [ACCOUNT, { account_number: ACCOUNT }],
      },
    });
    await processWebhookEvent(broken.id, { force: true }).catch((err: unknown) =>
      logger.error({ err }, "processing threw"),
    );

    // A nested object and a camelCase field, logged plainly.
    logger.warn(
      { operation: { target: { accountNumber: ACCOUNT, documentNumber: DOCUMENT } } },
      "x",
    );

    expect(lines.some((l) => l.includes('"level":50'))).toBe(true);
    expect(lines.some((l) => l.includes("7622"))).toBe(true); // the masked form is there
    expect(scan()).toEqual([]);
  });
});
