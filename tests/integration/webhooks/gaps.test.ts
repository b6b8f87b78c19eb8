// The gap detector: accepted past the rail's expected time with no webhook → polled and flagged.
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeUser } from "@/prisma/factories";
import { submitPayout } from "@/lib/operations/submit-payout";
import { detectWebhookGaps, expectedMinutesOf } from "@/lib/webhooks/detect-gaps";
import { payoutInput, waitFor } from "@/tests/support/operations";
import { getMonoClient } from "@/lib/mono";
import { fakeId } from "./helpers";

const HOUR = 3_600_000;

describe("gap detector", () => {
  it("knows each rail's expected time", () => {
    expect(expectedMinutesOf({ method: "co_ach", monoRequest: {} })).toBe(720);
    expect(expectedMinutesOf({ method: "co_transfiya", monoRequest: {} })).toBe(10);
    expect(
      expectedMinutesOf({ method: null, monoRequest: { transfers: [{ routing: "turbo" }] } }),
    ).toBe(30);
  });

  it("polls overdue operations with no webhook, audits each once, and keeps one alert while a gap remains", async () => {
    const { user } = await makeUser({ role: "operator" });
    const settles = await submitPayout(payoutInput(), user, { actorId: user.id });
    const unknown = await submitPayout(payoutInput(), user, { actorId: user.id });
    const realMonoId = unknown.monoId!;
    await waitFor(
      async () => (await getMonoClient().getPayout(settles.monoId!)).state === "settled",
    );
    // 13 h accepted on ACH (12 h expected); the second one points at a payout Mono does not know
    await db.operation.updateMany({
      where: { id: { in: [settles.id, unknown.id] } },
      data: { acceptedAt: new Date(Date.now() - 13 * HOUR) },
    });
    await db.operation.update({ where: { id: unknown.id }, data: { monoId: fakeId("cpout") } });

    const r = await detectWebhookGaps();
    expect(r.settledByPoll).toContain(settles.id);
    expect(r.gaps).toContain(unknown.id);
    expect((await db.operation.findUniqueOrThrow({ where: { id: settles.id } })).state).toBe(
      "settled",
    );
    expect((await db.operation.findUniqueOrThrow({ where: { id: unknown.id } })).state).toBe(
      "accepted",
    );
    for (const id of [settles.id, unknown.id])
      expect(
        await db.auditEvent.count({ where: { targetId: id, action: "operation.webhook_gap" } }),
      ).toBe(1);
    const alert = await db.alert.findFirstOrThrow({
      where: { foldKey: "webhook_gap:webhooks", state: "open" },
    });
    expect(alert.title).toMatch(/no webhook/);

    // a second sweep folds into the same alert and does not audit twice
    await detectWebhookGaps();
    expect(
      await db.auditEvent.count({
        where: { targetId: unknown.id, action: "operation.webhook_gap" },
      }),
    ).toBe(1);
    expect((await db.alert.findUniqueOrThrow({ where: { id: alert.id } })).occurrences).toBe(2);

    // silence: two hours from now nothing has arrived while an operation is in flight
    const later = await detectWebhookGaps({ now: new Date(Date.now() + 2 * HOUR) });
    expect(later.silence).toBe(true);
    expect(
      await db.alert.count({ where: { foldKey: "webhook_silence:mono", state: "open" } }),
    ).toBe(1);
    await db.alert.updateMany({
      where: { foldKey: "webhook_silence:mono" },
      data: { state: "resolved", resolvedAt: new Date() },
    });

    // the gap closes (Mono answers again) → the alert resolves itself
    await db.operation.update({ where: { id: unknown.id }, data: { monoId: realMonoId } });
    const cleared = await detectWebhookGaps();
    expect(cleared.gaps).not.toContain(unknown.id);
    expect((await db.alert.findUniqueOrThrow({ where: { id: alert.id } })).state).toBe("resolved");
  });
});
