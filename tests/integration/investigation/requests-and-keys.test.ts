import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeUser } from "@/prisma/factories";
import { callRoute, type TTestUser } from "@/tests/support/route";
import * as listRoute from "@/app/api/requests/route";
import * as exportRoute from "@/app/api/requests/export/route";
import * as detailRoute from "@/app/api/requests/[requestId]/route";
import * as keyRoute from "@/app/api/idempotency/[key]/route";
import { retriedPayout } from "./helpers";

let viewer: TTestUser;
let op: Awaited<ReturnType<typeof retriedPayout>>["op"];

beforeAll(async () => {
  viewer = (await makeUser({ role: "viewer" })).user;
  ({ op } = await retriedPayout());
});

type TRow = { requestId: string; statusClass: string; operationId: string | null; at: string };

describe("request log list", () => {
  it("filters by operation and status class (URL query), newest first, with a working cursor", async () => {
    const all = await callRoute(listRoute.GET, {
      user: viewer,
      path: `/api/requests?operationId=${op.id}&range=15m`,
    });
    expect(all.status).toBe(200);
    const rows = all.json.requests as TRow[];
    expect(rows.length).toBeGreaterThanOrEqual(2);
    expect(rows.every((r) => r.operationId === op.id)).toBe(true);
    expect(rows.map((r) => r.at)).toEqual([...rows.map((r) => r.at)].sort().reverse());

    const failed = await callRoute(listRoute.GET, {
      user: viewer,
      path: `/api/requests?operationId=${op.id}&statusClass=5xx,network`,
    });
    expect((failed.json.requests as TRow[]).map((r) => r.statusClass)).toEqual(["5xx"]);

    const first = await callRoute(listRoute.GET, {
      user: viewer,
      path: `/api/requests?operationId=${op.id}&limit=1`,
    });
    const next = await callRoute(listRoute.GET, {
      user: viewer,
      path: `/api/requests?operationId=${op.id}&limit=1&cursor=${first.json.nextCursor}`,
    });
    expect((next.json.requests as TRow[])[0].requestId).toBe(rows[1].requestId);
  });

  it("refuses unknown filter values with field errors", async () => {
    const r = await callRoute(listRoute.GET, {
      user: viewer,
      path: "/api/requests?statusClass=3xx&range=1y",
    });
    expect([r.status, r.json.code]).toEqual([400, "validation_failed"]);
  });

  it("exports CSV (no bodies, formula-safe) and audits the export", async () => {
    const r = await callRoute(exportRoute.GET, {
      user: viewer,
      path: `/api/requests/export?operationId=${op.id}`,
    });
    expect(r.status).toBe(200);
    expect(r.headers.get("content-type")).toContain("text/csv");
    const text = String(r.json.raw);
    expect(text.split("\n")[0]).toContain("request_id");
    expect(text).toContain(op.idempotencyKey);
    expect(text).not.toContain((op.target as { accountNumber: string }).accountNumber);
    expect(
      await db.auditEvent.count({ where: { action: "requests.exported", actorId: viewer.id } }),
    ).toBe(1);
  });

  it("exports the same rows as a spreadsheet (es-CO): semicolons, Bogotá times, a byte-order mark", async () => {
    const path = `/api/requests/export?operationId=${op.id}`;
    const machine = await callRoute(exportRoute.GET, { user: viewer, path });
    const sheet = await callRoute(exportRoute.GET, { user: viewer, path: `${path}&format=es-CO` });
    expect(sheet.status).toBe(200);
    expect(sheet.headers.get("content-disposition")).toMatch(/-es-CO\.csv"$/);
    expect(sheet.headers.get("x-row-count")).toBe(machine.headers.get("x-row-count"));
    const text = String(sheet.json.raw);
    // (the byte-order mark is checked on the raw bytes in the operations export test: text() drops it)
    const [header, first] = text.replace(/^\ufeff/, "").split("\n");
    expect(header.split(";")[0]).toBe('"at"');
    const at = first.split(";")[0].replace(/"/g, "");
    expect(at).toMatch(/^\d{2}\/\d{2}\/\d{4} \d{2}:\d{2}:\d{2}$/);
    // The same instant as the machine file's first row, written in Bogotá (UTC−5).
    const iso = String(machine.json.raw).split("\n")[1].split(",")[0].replace(/"/g, "");
    const b = new Date(new Date(iso).getTime() - 5 * 3_600_000);
    const pad = (n: number) => String(n).padStart(2, "0");
    expect(at).toBe(
      `${pad(b.getUTCDate())}/${pad(b.getUTCMonth() + 1)}/${b.getUTCFullYear()} ${pad(b.getUTCHours())}:${pad(b.getUTCMinutes())}:${pad(b.getUTCSeconds())}`,
    );
    expect(String(machine.json.raw).split("\n").length).toBe(text.split("\n").length);
  });

  it("refuses an unknown export format", async () => {
    const r = await callRoute(exportRoute.GET, {
      user: viewer,
      path: `/api/requests/export?operationId=${op.id}&format=xlsx`,
    });
    expect([r.status, r.json.code]).toEqual([400, "validation_failed"]);
  });

  it("request detail: redacted bodies, the attempt chain, the operation", async () => {
    const first = await db.requestLog.findFirstOrThrow({
      where: { operationId: op.id, method: "POST" },
      orderBy: { at: "asc" },
    });
    const r = await callRoute(detailRoute.GET, {
      user: viewer,
      params: { requestId: first.requestId },
    });
    expect(r.status).toBe(200);
    expect((r.json.chain as { attempt: number }[]).map((c) => c.attempt)).toEqual([1, 2]);
    expect(r.json.operation).toMatchObject({ id: op.id });
    const text = JSON.stringify(r.json);
    expect(text).not.toContain((op.target as { accountNumber: string }).accountNumber);
    expect(text).toContain("Bearer [redacted]");
    expect(
      (
        await callRoute(detailRoute.GET, {
          user: viewer,
          params: { requestId: "req_doesnotexist00" },
        })
      ).status,
    ).toBe(404);
  });
});

describe("idempotency-key inspector", () => {
  it("state, lease, attempts and the time left in Mono's 24 h window", async () => {
    const r = await callRoute(keyRoute.GET, { user: viewer, params: { key: op.idempotencyKey } });
    expect(r.status).toBe(200);
    expect(r.json.operation).toMatchObject({ id: op.id, state: "accepted" });
    expect((r.json.attempts as unknown[]).length).toBeGreaterThanOrEqual(2);
    const w = r.json.window as { leftMs: number; expired: boolean };
    expect(w.expired).toBe(false);
    expect(w.leftMs).toBeGreaterThan(23 * 3_600_000);
    expect(r.json.lease).toMatchObject({ active: false });
    expect(r.json.mismatch).toMatchObject({ detected: false, diffs: [] });
  });

  it("a key reused with another payload shows a field-by-field diff", async () => {
    const sent = await db.requestLog.findFirstOrThrow({
      where: { operationId: op.id, method: "POST" },
    });
    const body = structuredClone(sent.requestBody) as { target_amount: { amount: number } };
    body.target_amount.amount += 100;
    await db.requestLog.create({
      data: {
        ...sent,
        id: undefined,
        requestId: `req_${"Z".repeat(22)}${Date.now().toString(36).slice(-5)}`,
        requestBody: body,
        status: 409,
        statusClass: "409",
        errorCode: "idempotency_key_reused",
        monoLogId: "log_reused0000000000000000",
        requestHeaders: undefined,
        responseHeaders: undefined,
        responseBody: undefined,
      },
    });
    const r = await callRoute(keyRoute.GET, { user: viewer, params: { key: op.idempotencyKey } });
    const m = r.json.mismatch as {
      detected: boolean;
      reasons: string[];
      diffs: { diff: { path: string; change: string; before: number; after: number }[] }[];
    };
    expect(m.detected).toBe(true);
    expect(m.reasons.join(" ")).toContain("idempotency_key_reused");
    expect(m.diffs[0].diff).toEqual([
      {
        path: "/target_amount/amount",
        change: "changed",
        before: body.target_amount.amount - 100,
        after: body.target_amount.amount,
      },
    ]);
  });

  it("an unknown key is a 404; a non-UUID is a 400", async () => {
    expect(
      (await callRoute(keyRoute.GET, { user: viewer, params: { key: crypto.randomUUID() } }))
        .status,
    ).toBe(404);
    expect((await callRoute(keyRoute.GET, { user: viewer, params: { key: "nope" } })).status).toBe(
      400,
    );
  });
});
