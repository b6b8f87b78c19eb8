// The shared test sandbox really delivers its signed webhooks over HTTP to a small local server
// that hands each request to the console's route handler unchanged (raw bytes, headers).
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import { db } from "@/lib/db";
import { makeUser } from "@/prisma/factories";
import { submitPayout } from "@/lib/operations/submit-payout";
import { drainWebhookEvents } from "@/lib/webhooks/process-pending";
import { POST } from "@/app/api/webhooks/mono/route";
import { payoutInput, sandboxAdmin, waitFor } from "@/tests/support/operations";
import { SECRET } from "./helpers";

let server: Server;
const statuses: number[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", async () => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers))
        if (typeof v === "string") headers.set(k, v);
      const r = await POST(
        new NextRequest(new URL(req.url ?? "/", "http://127.0.0.1"), {
          method: "POST",
          headers,
          body: Buffer.concat(chunks),
        }),
        { params: Promise.resolve({}) },
      );
      statuses.push(r.status);
      res.writeHead(r.status, { "content-type": "application/json" });
      res.end(await r.text());
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/webhooks/mono`;
  await sandboxAdmin("/webhooks", {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ url, secret: SECRET }),
  });
});

afterAll(async () => {
  await sandboxAdmin("/webhooks", {
    method: "PUT",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ urls: [] }),
  });
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe("real deliveries from the sandbox", () => {
  it("payout events and ledger movements arrive signed, are stored once, linked to the operation, and settle it", async () => {
    const { user } = await makeUser({ role: "operator" });
    const op = await submitPayout(payoutInput({ method: "co_mono_turbo" }), user, {
      actorId: user.id,
    });
    await waitFor(
      async () =>
        (await db.webhookEvent.count({
          where: { objectId: op.monoId!, type: "payout_settled" },
        })) === 1,
    );
    // the ledger debit follows the settlement
    await waitFor(
      async () =>
        (await db.webhookEvent.count({
          where: {
            type: "ledger_account_transaction_created",
            data: { path: ["id_in_origin"], equals: op.monoId! },
          },
        })) === 2,
    );
    const drained = await drainWebhookEvents();
    expect(drained.failed).toBe(0);
    const events = await db.webhookEvent.findMany({
      where: { operationId: op.id },
      orderBy: { id: "asc" },
    });
    expect(events.map((e) => e.type).sort()).toEqual([
      "ledger_account_transaction_created",
      "ledger_account_transaction_created",
      "payout_created",
      "payout_processing",
      "payout_settled",
    ]);
    expect(
      events.every((e) => e.signatureResult === "valid" && e.processedAt && e.deliveries === 1),
    ).toBe(true);
    expect((await db.operation.findUniqueOrThrow({ where: { id: op.id } })).state).toBe("settled");
    expect(statuses.every((s) => s === 200)).toBe(true);
    const deliveries = await sandboxAdmin<{ deliveries: { state: string }[] }>(
      `/webhooks/deliveries?resource_id=${op.monoId}`,
    );
    expect(deliveries.deliveries.length).toBeGreaterThanOrEqual(3);
    expect(deliveries.deliveries.every((d) => d.state === "delivered")).toBe(true);
  });
});
