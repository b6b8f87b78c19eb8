import { spawn } from "node:child_process";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recoverStuckOperations } from "@/lib/operations/recover-stuck-operations";
import { pollSettlements } from "@/lib/operations/poll-settlements";
import { SEND_LEASE_MS } from "@/lib/operations/send-operation";
import { sandboxAdmin, waitFor } from "@/tests/support/operations";

const root = path.resolve(__dirname, "../../..");
const json = { "content-type": "application/json" };

describe("a process killed between phases", () => {
  it("is recovered with the same key: exactly one Mono payout, and the operation settles", async () => {
    const reason = `crash-${randomUUID()}`;
    // Every write waits 2 s inside the sandbox, so the child is surely mid-call when it dies.
    await sandboxAdmin("/faults", {
      method: "PUT",
      headers: json,
      body: JSON.stringify({ text: "latency=1,latency_ms=2000,apply_to=writes" }),
    });
    const child = spawn(
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "tests/support/child-submit.ts", reason],
      { cwd: root, env: process.env, stdio: ["ignore", "pipe", "inherit"] },
    );
    try {
      const op = await waitFor(
        () => db.operation.findFirst({ where: { reason, state: "sending" } }),
        30_000,
      );
      await new Promise((r) => setTimeout(r, 300)); // the POST is in flight now
      child.kill("SIGKILL");
      await new Promise((r) => child.once("exit", r));
      expect((await db.operation.findUniqueOrThrow({ where: { id: op.id } })).state).toBe(
        "sending",
      );
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
      await sandboxAdmin("/faults", { method: "PUT", headers: json, body: "{}" });
    }
    const op = await db.operation.findFirstOrThrow({ where: { reason } });
    // After the lease expires the recovery job resumes it with the same key and body.
    const accepted = await waitFor(async () => {
      await recoverStuckOperations({ now: new Date(Date.now() + SEND_LEASE_MS + 1_000) });
      const row = await db.operation.findUniqueOrThrow({ where: { id: op.id } });
      return row.state === "accepted" ? row : null;
    }, 30_000);
    expect(accepted.attemptCount).toBeGreaterThanOrEqual(2);
    await waitFor(async () => {
      await pollSettlements();
      return (await db.operation.findUniqueOrThrow({ where: { id: op.id } })).state === "settled";
    });
    const counts = await sandboxAdmin<{ payouts: number; payout_ids: string[] }>(
      `/counts?external_id=${op.externalId}`,
    );
    expect(counts.payouts).toBe(1);
    expect(counts.payout_ids).toEqual([accepted.monoId]);
  });
});
