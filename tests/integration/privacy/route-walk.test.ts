import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { can, ROLES, type TRole } from "@/lib/auth/permissions";
import type { TRouteHandler } from "@/lib/api/with-api";
import { db } from "@/lib/db";
import { makeUser } from "@/prisma/factories";
import { callRoute, type TTestUser } from "@/tests/support/route";
import { payoutInput } from "@/tests/support/operations";
import { ACCOUNT, ACCOUNT_2, DOCUMENT, SECRETS, seedBeneficiary } from "./seed-beneficiary";

// Every GET route on disk, as every role, with the ids of a beneficiary seeded with known numbers:
// no JSON or CSV answer may hold the raw account or document number (or e-mail). Only the audited
// reveals give them, to a role holding pii.reveal, with a reason.
const root = path.resolve(__dirname, "../../..");
function findRoutes(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return findRoutes(p);
    return name === "route.ts" ? [p] : [];
  });
}
const getRoutes = findRoutes(path.join(root, "app/api"))
  .map((f) => path.relative(root, f))
  .filter((f) => f !== "app/api/auth/[...nextauth]/route.ts")
  .filter((f) => /export const GET\b/.test(readFileSync(path.join(root, f), "utf8")));

const users = {} as Record<TRole, TTestUser>;
let seeded: Awaited<ReturnType<typeof seedBeneficiary>>;
let seen = 0; // answers that showed the seeded beneficiary

function leaks(text: string): string[] {
  return SECRETS.filter((s) => text.includes(s));
}

beforeAll(async () => {
  for (const role of ROLES) users[role] = (await makeUser({ role })).user;
  seeded = await seedBeneficiary(users.operator.id);
});

// The ids each parameterised GET route is walked with: every seeded object it can show.
function paramSets(file: string): Record<string, string>[] {
  if (file.includes("operations/[id]")) return [{ id: seeded.payout.id }, { id: seeded.batch.id }];
  if (file.includes("webhooks/events/[id]")) return [{ id: seeded.webhook.id.toString() }];
  if (file.includes("requests/[requestId]")) return [{ requestId: seeded.requestId }];
  if (file.includes("idempotency/[key]")) return [{ key: seeded.payout.idempotencyKey }];
  if (file.includes("beneficiaries/[key]")) return [{ key: seeded.beneficiaryId }];
  return [{}];
}
// Lists are walked filtered to the seeded data too, so a long list cannot hide it past page one.
// Exports stream every matching row (the test database holds other files' 100,000 operations), so
// they are walked filtered only: the same code path, without exporting everything five times.
function queries(file: string): string[] {
  if (file === "app/api/operations/route.ts") return ["", "?kind=payout,transfer_batch&range=24h"];
  if (file === "app/api/operations/export/route.ts")
    return [
      `?createdBy=${users.operator.id}`,
      `?createdBy=${users.operator.id}&kind=payout,transfer_batch&range=1h&format=es-CO`,
    ];
  if (file === "app/api/webhooks/events/route.ts") return ["", `?operationId=${seeded.payout.id}`];
  if (file === "app/api/requests/route.ts") return ["", `?operationId=${seeded.payout.id}`];
  if (file === "app/api/requests/export/route.ts") return [`?operationId=${seeded.payout.id}`];
  if (file === "app/api/audit/route.ts") return ["", `?targetId=${seeded.payout.id}`];
  if (file === "app/api/reconciliation/findings/route.ts") return ["", "?status=all"];
  if (file === "app/api/views/route.ts") return ["?list=payouts"];
  if (file === "app/api/operations/preview/route.ts") return ["?amount=25000000&rail=co_ach"];
  // the ids a person pastes, and the full numbers themselves: the hits must still be masked
  if (file === "app/api/search/route.ts")
    return [`?q=${seeded.payout.id}`, `?q=${seeded.requestId}`, `?q=${ACCOUNT}`, `?q=${DOCUMENT}`];
  if (file === "app/api/notes/route.ts")
    return [
      `?targetType=operation&targetId=${seeded.payout.id}`,
      `?targetType=beneficiary&targetId=${seeded.beneficiaryId}`,
    ];
  return [""];
}

describe("beneficiary numbers are masked in every GET answer, for every role", () => {
  it.each(getRoutes)("walks %s", async (file) => {
    const mod = (await import(path.join(root, file))) as { GET: TRouteHandler };
    const failures: string[] = [];
    for (const params of paramSets(file)) {
      for (const q of queries(file)) {
        for (const role of ROLES) {
          const r = await callRoute(mod.GET, {
            method: "GET",
            params,
            path: `/api/walk${q}`,
            user: users[role],
          });
          const text = JSON.stringify(r.json);
          const found = leaks(text);
          if (found.length)
            failures.push(`${file}${q} ${JSON.stringify(params)} as ${role}: ${found}`);
          if (r.status === 200 && text.includes("Beneficiaria Privada")) seen++;
          // a 400 means the walk's own query was wrong, and it looked at nothing
          if (r.status >= 500 || r.status === 400)
            failures.push(`${file}${q} as ${role}: ${r.status}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("walked every GET route on disk and really reached the seeded beneficiary", () => {
    expect(getRoutes.length).toBeGreaterThan(20);
    // detail, lists, evidence, CSV-free routes
    expect(seen).toBeGreaterThan(10);
  });

  it("shows the masked forms where the numbers were (bank code + last four)", async () => {
    const { GET } = await import("@/app/api/operations/[id]/route");
    const r = await callRoute(GET, { params: { id: seeded.payout.id }, user: users.viewer });
    const op = (r.json as { operation: Record<string, unknown> }).operation;
    expect(op.beneficiaryKey).toBe(`1007:••••••${ACCOUNT.slice(-4)}`);
    expect(op.monoRequest).toBeUndefined();
    expect((op.target as { accountNumber: string }).accountNumber).toMatch(/7622$/);
  });

  it("reveals an operation's numbers only to pii.reveal holders, with a reason, audited", async () => {
    const { POST } = await import("@/app/api/operations/[id]/reveal/route");
    for (const role of ROLES) {
      const r = await callRoute(POST, {
        method: "POST",
        params: { id: seeded.batch.id },
        user: users[role],
        body: { reason: "Ticket SUP-1 disputes the account" },
      });
      if (!can(role, "pii.reveal")) {
        expect(r.status).toBe(403);
        continue;
      }
      expect(r.status).toBe(200);
      const text = JSON.stringify(r.json);
      expect(text).toContain(ACCOUNT);
      expect(text).toContain(ACCOUNT_2);
      expect(text).toContain(DOCUMENT);
    }
    const noReason = await callRoute(POST, {
      method: "POST",
      params: { id: seeded.batch.id },
      user: users.admin,
      body: { reason: "" },
    });
    expect(noReason.json.code).toBe("validation_failed");
    const audits = await db.auditEvent.count({
      where: { action: "pii.revealed", targetType: "operation", targetId: seeded.batch.id },
    });
    expect(audits).toBe(ROLES.filter((r) => can(r, "pii.reveal")).length);
  });

  it("reveals a webhook's raw body only to pii.reveal holders, with a reason, audited", async () => {
    const { POST } = await import("@/app/api/webhooks/events/[id]/reveal/route");
    const id = seeded.webhook.id.toString();
    for (const role of ROLES) {
      const r = await callRoute(POST, {
        method: "POST",
        params: { id },
        user: users[role],
        body: { reason: "Mono support asks for the payload" },
      });
      if (!can(role, "pii.reveal")) {
        expect(r.status).toBe(403);
        continue;
      }
      expect(r.status).toBe(200);
      expect(r.json.rawBody).toBe(seeded.webhook.rawBody);
    }
    const audits = await db.auditEvent.count({
      where: { action: "pii.revealed", targetType: "webhook_event", targetId: id },
    });
    expect(audits).toBe(ROLES.filter((r) => can(r, "pii.reveal")).length);
  });

  it("a payout's answer, and the idempotent answer stored for its key, are masked", async () => {
    const { POST } = await import("@/app/api/operations/payouts/route");
    const input = payoutInput();
    input.beneficiary.documentNumber = DOCUMENT;
    const key = randomUUID();
    const r = await callRoute(POST, {
      method: "POST",
      user: users.operator,
      body: input,
      headers: { "idempotency-key": key, origin: "http://localhost:3000" },
    });
    expect(r.status).toBe(201);
    const raw = input.beneficiary.accountNumber;
    expect(JSON.stringify(r.json)).not.toContain(raw);
    expect(JSON.stringify(r.json)).not.toContain(DOCUMENT);
    expect((r.json.operation as Record<string, unknown>).monoRequest).toBeUndefined();
    const stored = await db.inboundRequest.findMany({ where: { key } });
    expect(stored.length).toBe(1);
    expect(JSON.stringify(stored[0].responseBody)).not.toContain(raw);
    expect(JSON.stringify(stored[0].responseBody)).not.toContain(DOCUMENT);
  });
});
