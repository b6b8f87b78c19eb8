import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  floorsOf,
  levelOf,
  runwayOf,
  snapshotOutflow,
  typicalDailySpend,
} from "@/lib/balances/floors";
import { signWebhook, verifyWebhookSignature } from "@/lib/readiness/webhook-signature";
import { checkEnv } from "@/lib/readiness/check-env";
import { readEnv } from "@/lib/env-schema";
import { foldKeyOf, moreSevere } from "@/lib/alerts/rules";

const DAY = 86_400_000;
const now = new Date(Date.UTC(2026, 4, 10, 12));

describe("floors and runway (integer minor units)", () => {
  it("20 % and 5 % of typical daily spend, rounded down, from 7 days of outflows", () => {
    const spend = typicalDailySpend({
      snapshotOutflow: 7_000_000_00n,
      operationsOutflow: 0n,
      historyStart: new Date(now.getTime() - 7 * DAY),
      now,
    });
    expect(spend).toBe(1_000_000_00n);
    expect(floorsOf(spend)).toEqual({ warning: 200_000_00n, critical: 50_000_00n });
    expect(floorsOf(333n)).toEqual({ warning: 66n, critical: 16n });
  });

  it("a young history is divided by its real length (at least a day); the larger outflow view wins", () => {
    expect(
      typicalDailySpend({
        snapshotOutflow: 300n,
        operationsOutflow: 0n,
        historyStart: new Date(now.getTime() - 2 * DAY),
        now,
      }),
    ).toBe(150n);
    expect(
      typicalDailySpend({
        snapshotOutflow: 300n,
        operationsOutflow: 0n,
        historyStart: new Date(now.getTime() - 60_000),
        now,
      }),
    ).toBe(300n);
    expect(
      typicalDailySpend({
        snapshotOutflow: 100n,
        operationsOutflow: 1400n,
        historyStart: new Date(now.getTime() - 30 * DAY),
        now,
      }),
    ).toBe(200n);
    expect(
      typicalDailySpend({ snapshotOutflow: 0n, operationsOutflow: 0n, historyStart: null, now }),
    ).toBe(0n);
  });

  it("levels: under critical, under warning, ok; no spend means no floor", () => {
    const f = floorsOf(1000n); // warning 200, critical 50
    expect(levelOf(49n, f)).toBe("critical");
    expect(levelOf(50n, f)).toBe("warning");
    expect(levelOf(199n, f)).toBe("warning");
    expect(levelOf(200n, f)).toBe("ok");
    expect(levelOf(0n, floorsOf(0n))).toBe("ok");
    expect(levelOf(null, f)).toBe("unknown");
  });

  it("runway subtracts approved-but-unsent and counts days of spend (property: exact in BigInt)", () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 13n }),
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.bigInt({ min: 1n, max: 10n ** 11n }),
        (available, committed, spend) => {
          const r = runwayOf(available, committed, spend);
          expect(r.projected).toBe(available - committed);
          expect(r.days).toBe(Number(((available - committed) * 10n) / spend) / 10);
        },
      ),
    );
    expect(runwayOf(500n, 100n, 0n)).toEqual({ projected: 400n, days: null });
  });

  it("snapshot outflow sums only decreases, in time order", () => {
    const p = (min: number, available: bigint) => ({
      at: new Date(now.getTime() + min * 60_000),
      available,
    });
    expect(snapshotOutflow([p(2, 70n), p(0, 100n), p(1, 90n), p(3, 120n), p(4, 20n)])).toBe(
      10n + 20n + 100n,
    );
  });
});

describe("webhook signature (our own verifier)", () => {
  const body = '{"event":{"type":"payout_settled","data":{"id":"cpout_1"}}}';
  it("round-trips, accepts the previous secret, refuses tampering, staleness and garbage", () => {
    const t = 1_700_000_000;
    const header = signWebhook("whsec_current", body, t);
    expect(
      verifyWebhookSignature({ header, rawBody: body, secrets: ["whsec_current"], nowSec: t + 10 }),
    ).toEqual({ ok: true, secretIndex: 0 });
    expect(
      verifyWebhookSignature({
        header: signWebhook("whsec_old", body, t),
        rawBody: body,
        secrets: ["whsec_current", "whsec_old"],
        nowSec: t,
      }),
    ).toEqual({ ok: true, secretIndex: 1 });
    expect(
      verifyWebhookSignature({
        header,
        rawBody: body + " ",
        secrets: ["whsec_current"],
        nowSec: t,
      }),
    ).toEqual({ ok: false, reason: "mismatch" });
    expect(
      verifyWebhookSignature({
        header,
        rawBody: body,
        secrets: ["whsec_current"],
        nowSec: t + 301,
      }),
    ).toEqual({ ok: false, reason: "stale" });
    fc.assert(
      fc.property(fc.string(), (h) => {
        expect(
          verifyWebhookSignature({ header: h, rawBody: body, secrets: ["s3cret-123"], nowSec: t })
            .ok,
        ).toBe(false);
      }),
    );
  });
});

describe("readiness: environment check", () => {
  it("fails production pointed at a sandbox host, passes a complete sandbox config", () => {
    const base = {
      NEXTAUTH_SECRET: "x".repeat(32),
      MONO_WEBHOOK_SECRET: "whsec_12345678",
      MONO_SANDBOX_API_KEY: "sk_sandbox_12345678",
      MONO_SANDBOX_KEY_ISSUED_AT: "2026-01-01",
      MONO_SANDBOX_BATCH_API_KEY: "sk_sandbox_batch_1234",
    };
    expect(checkEnv(readEnv(base)).status).toBe("pass");
    expect(checkEnv(readEnv({ ...base, MONO_SANDBOX_API_KEY: undefined })).status).toBe("fail");
    const prod = readEnv({
      ...base,
      MONO_ENV: "production",
      DATABASE_URL: "postgresql://a@b/c",
      NEXTAUTH_URL: "https://ops.example",
      MONO_PRODUCTION_BASE_URL: "https://sandbox.mono.example",
      MONO_PRODUCTION_API_KEY: "sk_live_12345678",
      MONO_PRODUCTION_KEY_ISSUED_AT: "2026-01-01",
    });
    expect(checkEnv(prod).status).toBe("fail");
  });
});

describe("alert rules", () => {
  it("fold keys separate subjects; severity only escalates", () => {
    expect(foldKeyOf({ rule: "balance_warning", subject: "acc_1" })).not.toBe(
      foldKeyOf({ rule: "balance_warning", subject: "acc_2" }),
    );
    expect(moreSevere("warning", "critical")).toBe("critical");
    expect(moreSevere("critical", "warning")).toBe("critical");
  });
});
