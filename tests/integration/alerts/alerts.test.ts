import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startSandbox, type TSandboxHandle } from "@/sandbox/server";
import { MonoClient } from "@/lib/mono";
import { db } from "@/lib/db";
import { makeUser } from "@/prisma/factories";
import { callRoute } from "@/tests/support/route";
import { pollBalances } from "@/lib/balances/poll-balances";
import { BALANCE_FAMILY, runFamilies, type TFamily } from "@/lib/alerts/evaluate-alerts";
import { raiseAlert } from "@/lib/alerts/raise-alert";
import { getAccountSummaries } from "@/lib/balances/account-summaries";
import { getBalanceSeries } from "@/lib/balances/balance-series";
import { evaluateSignatureFailures } from "@/lib/alerts/evaluate-health";
import { evaluateTraffic } from "@/lib/alerts/evaluate-traffic";
import { checkReadiness } from "@/lib/health/check-readiness";
import { runReadiness } from "@/lib/readiness/run-readiness";
import { readEnv } from "@/lib/env-schema";
import * as ack from "@/app/api/alerts/[id]/acknowledge/route";
import * as resolve from "@/app/api/alerts/[id]/resolve/route";
import * as banner from "@/app/api/alerts/banner/route";
import * as list from "@/app/api/alerts/route";

// Alerts end to end below the browser: the sandbox's balance drops, the poller stores snapshots,
// the floors trip, the alert opens once and folds repeats, a person acknowledges it, and it
// resolves itself when the balance recovers. Plus the readiness checks against a live sandbox.

const KEY = "sk_itest_alerts_admin_0123456789";
// A ledger account of its own: other suites' payouts from the seeded accounts must not count as
// this account's spend.
const ACCOUNT = `lacc_itestAlerts${Math.random().toString(36).slice(2, 12).padEnd(10, "0")}0`;
let sbx: TSandboxHandle;
let client: MonoClient;

async function setLedger(available: number) {
  const r = await fetch(`${sbx.url}/_sandbox/ledger/accounts/${ACCOUNT}/balance`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ available }),
  });
  expect(r.ok).toBe(true);
}

beforeAll(async () => {
  sbx = await startSandbox({
    port: 0,
    adminEnabled: true,
    apiKeys: [{ key: KEY, role: "Administrator" }],
  });
  const created = await fetch(`${sbx.url}/_sandbox/ledger/accounts`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ id: ACCOUNT, name: "Alertas itest", available: 450_000_000_00 }),
  });
  expect(created.ok).toBe(true);
  client = new MonoClient({
    baseUrl: sbx.url,
    apiKey: KEY,
    keyIssuedAt: new Date().toISOString().slice(0, 10),
    timeouts: { connectMs: 1_000, responseMs: 2_000, totalMs: 5_000 },
    backoff: { baseMs: 10, capMs: 20, jitterMs: 1, maxRetries: 1 },
  });
});
afterAll(async () => {
  await client.close();
  await sbx.close();
});

describe("low-balance alerts", () => {
  it("poll → floors → open critical alert → fold → acknowledge → resolve on recovery", async () => {
    const t0 = new Date(Date.now() - 60 * 60_000);
    expect((await pollBalances({ client, now: t0 })).polled).toBeGreaterThanOrEqual(4);
    await setLedger(1_000_00); // COP 1,000: a 449,999,000 drop is the only spend we have seen
    await pollBalances({ client, now: new Date(t0.getTime() + 2 * 60_000) });

    const s = (await getAccountSummaries()).find((a) => a.id === ACCOUNT);
    expect(s?.level).toBe("critical");
    expect(s?.dailySpend).toBe(449_999_000_00n); // history shorter than a day counts as one day
    expect(s?.criticalFloor).toBe((449_999_000_00n * 5n) / 100n);

    // The chart keeps each step's lowest balance, as BigInt, on step boundaries.
    const series = await getBalanceSeries({ accountId: ACCOUNT, range: "6h" });
    expect(series.stepSec).toBe(300);
    for (const p of series.points) {
      expect(typeof p.available).toBe("bigint");
      expect(p.t % 300_000).toBe(0);
    }
    expect(series.points.some((p) => p.available === 1_000_00n)).toBe(true);

    const first = await runFamilies([BALANCE_FAMILY]);
    expect(first.failed).toEqual([]);
    const again = await runFamilies([BALANCE_FAMILY]);
    expect(again.opened).toBe(0);
    const alerts = await db.alert.findMany({ where: { foldKey: `balance_critical:${ACCOUNT}` } });
    expect(alerts).toHaveLength(1);
    expect(alerts[0].occurrences).toBe(2);
    expect(alerts[0].state).toBe("open");

    const viewer = (await makeUser({ role: "viewer" })).user;
    const operator = (await makeUser({ role: "operator" })).user;
    const b = await callRoute(banner.GET, { user: viewer });
    expect(b.status).toBe(200);
    expect(b.json.count).toBeGreaterThanOrEqual(1);

    const params = { id: alerts[0].id };
    expect((await callRoute(ack.POST, { method: "POST", user: viewer, params })).status).toBe(403);
    const acked = await callRoute(ack.POST, { method: "POST", user: operator, params });
    expect(acked.status).toBe(200);
    expect((acked.json.alert as { acknowledgedBy: string }).acknowledgedBy).toBe(operator.email);
    expect((await callRoute(ack.POST, { method: "POST", user: operator, params })).status).toBe(
      409,
    );
    expect(
      await db.auditEvent.count({
        where: { action: "alert.acknowledged", targetId: alerts[0].id },
      }),
    ).toBe(1);

    // Folding keeps working on the acknowledged alert: no second page for the same condition.
    await runFamilies([BALANCE_FAMILY]);
    expect(await db.alert.count({ where: { foldKey: `balance_critical:${ACCOUNT}` } })).toBe(1);

    await setLedger(450_000_000_00);
    await pollBalances({ client });
    const recovered = await runFamilies([BALANCE_FAMILY]);
    expect(recovered.resolved).toBeGreaterThanOrEqual(1);
    expect((await db.alert.findUniqueOrThrow({ where: { id: alerts[0].id } })).state).toBe(
      "resolved",
    );
    const listed = await callRoute(list.GET, { user: viewer, path: "/api/alerts?state=resolved" });
    expect((listed.json.alerts as { id: string }[]).some((a) => a.id === alerts[0].id)).toBe(true);
  });

  it("a family that cannot read its data leaves its alerts alone", async () => {
    await raiseAlert({
      rule: "error_rate",
      subject: "itest-keep",
      severity: "warning",
      title: "t",
      details: {},
    });
    const failing: TFamily = {
      name: "broken",
      rules: ["error_rate"],
      evaluate: () => Promise.reject(new Error("db down")),
    };
    const r = await runFamilies([failing]);
    expect(r.failed).toEqual(["broken"]);
    expect(
      (await db.alert.findFirstOrThrow({ where: { foldKey: "error_rate:itest-keep" } })).state,
    ).toBe("open");
  });

  it("a person resolves an alert with a note; resolving twice is a conflict", async () => {
    const admin = (await makeUser({ role: "admin" })).user;
    const { id } = await raiseAlert({
      rule: "key_age",
      subject: "itest-resolve",
      severity: "warning",
      title: "t",
      details: {},
    });
    const r = await callRoute(resolve.POST, {
      method: "POST",
      user: admin,
      params: { id },
      body: { note: "rotated" },
    });
    expect(r.status).toBe(200);
    expect(
      (await callRoute(resolve.POST, { method: "POST", user: admin, params: { id }, body: {} }))
        .status,
    ).toBe(409);
  });
});

describe("rules that count in SQL", () => {
  it("signature failures count the last 15 minutes only", async () => {
    const now = new Date();
    await db.webhookRejection.createMany({
      data: Array.from({ length: 5 }, () => ({ reason: "bad_signature", receivedAt: now })),
    });
    const hit = await evaluateSignatureFailures(new Date(now.getTime() + 1_000));
    expect(hit).toHaveLength(1);
    expect(hit[0].details.count).toBeGreaterThanOrEqual(5);
    expect(await evaluateSignatureFailures(new Date(now.getTime() + 16 * 60_000))).toEqual([]);
  });

  it("traffic reads the last 5 minutes of rollups", async () => {
    expect(Array.isArray(await evaluateTraffic())).toBe(true);
    expect(await evaluateTraffic(new Date(Date.now() + 365 * 86_400_000))).toEqual([]);
  });
});

describe("readiness against a live sandbox", () => {
  it("the database answers", async () => {
    expect((await checkReadiness()).status).toBe("ready");
  });

  it("passes the Mono checks, verifies the webhook secret and reads the clock skew", async () => {
    const env = readEnv({
      MONO_SANDBOX_API_KEY: KEY,
      MONO_SANDBOX_BASE_URL: sbx.url,
      MONO_WEBHOOK_SECRET: "whsec_itest_12345678",
      NEXTAUTH_SECRET: "x".repeat(32),
      MONO_SANDBOX_KEY_ISSUED_AT: new Date(Date.now() - 85 * 86_400_000).toISOString().slice(0, 10),
    });
    const r = await runReadiness({ env, client });
    const by = Object.fromEntries(r.checks.map((c) => [c.id, c]));
    expect(by.credentials.status).toBe("pass");
    expect(by.balances.status).toBe("pass");
    expect(by.banks.status).toBe("pass");
    expect(by.webhook.status).toBe("pass");
    expect(by.clock.status).toBe("pass");
    expect(by.key_age.status).toBe("warn");
    expect(by.migrations.status).toBe("pass");
    expect(r.ok).toBe(true);
  });

  it("a wrong key fails credentials with the fix, and skips what depends on it", async () => {
    const bad = new MonoClient({
      baseUrl: sbx.url,
      apiKey: "sk_wrong_key_000000000",
      backoff: { baseMs: 10, capMs: 20, jitterMs: 1, maxRetries: 1 },
    });
    const r = await runReadiness({ client: bad });
    const by = Object.fromEntries(r.checks.map((c) => [c.id, c]));
    expect(by.credentials.status).toBe("fail");
    expect(by.credentials.fix).toMatch(/MONO_\*_API_KEY/);
    expect(by.balances.status).toBe("skip");
    expect(r.ok).toBe(false);
    await bad.close();
  });
});
