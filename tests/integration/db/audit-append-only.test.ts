import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit/record-audit";
import { verifyAuditChain } from "@/lib/audit/verify-audit-chain";

describe("audit log", () => {
  it("chains concurrent appends without forks and verifies", async () => {
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        recordAudit({
          action: "test.concurrent",
          target: { type: "test", id: String(i) },
          details: { i, nested: { b: 1, a: 2 } },
        }),
      ),
    );
    const verdict = await verifyAuditChain();
    expect(verdict.ok).toBe(true);
    expect(verdict.rows).toBeGreaterThanOrEqual(20);
  });

  it("is refused UPDATE, DELETE and TRUNCATE by PostgreSQL itself", async () => {
    await recordAudit({ action: "test.immutable" });
    const before = await db.auditEvent.count();
    await expect(db.$executeRaw`UPDATE "AuditEvent" SET action = 'tampered'`).rejects.toThrow(
      /append-only/,
    );
    await expect(db.$executeRaw`DELETE FROM "AuditEvent"`).rejects.toThrow(/append-only/);
    await expect(db.$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    expect(await db.auditEvent.count()).toBe(before);
    expect(await db.auditEvent.count({ where: { action: "tampered" } })).toBe(0);
  });
});
