import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/api/app-error";
import { mapUnknownError } from "@/lib/api/map-error";
import { db } from "@/lib/db";
import { recordFoundAtMono } from "@/lib/investigation/record-found-at-mono";
import { retryOperation } from "@/lib/operations/retry-operation";
import { makeUser } from "@/prisma/factories";
import { callRoute } from "@/tests/support/route";
import * as recoveryRoute from "@/app/api/operations/[id]/recovery/route";

// Refusals a person sees in the console carry the stable code and params of their words
// (meta.detail_code + meta.detail_params; a field error's code + params) beside the same English.

async function refusalOf(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

const ctx = { actorId: null, actorEmail: "test@example.test" };

describe("worded refusals", () => {
  it("a recovery reason too short is the say_why field code; an unknown operation is no_such", async () => {
    const { user } = await makeUser({ role: "approver" });
    const id = `op_${randomUUID().replace(/-/g, "").slice(0, 22)}`;
    const call = (reason: string) =>
      callRoute(recoveryRoute.POST, {
        method: "POST",
        user,
        params: { id },
        body: { action: "reconcile", reason },
        headers: { "idempotency-key": randomUUID() },
      });
    const short = await call("  abc ");
    expect(short.status).toBe(400);
    expect(short.json.errors).toEqual([
      {
        path: "/reason",
        message: "Say why (at least 5 characters)",
        code: "say_why",
        params: { minimum: 5 },
      },
    ]);
    const missing = await call("Ticket TCK-1: checked");
    expect(missing.status).toBe(404);
    expect(missing.json).toMatchObject({
      detail: "No such operation",
      meta: { detail_code: "no_such", detail_params: { thing: "operation" } },
    });
  });

  it("recording what Mono does not have, and retrying a settled operation, are worded", async () => {
    const absent = await refusalOf(
      recordFoundAtMono(
        "op_none",
        { presence: "no", evidence: [], evidenceCodes: [] },
        { reason: "x", ctx },
      ),
    );
    expect([absent.code, absent.message, absent.extra.detail]).toEqual([
      "state_conflict",
      "Mono does not have this operation",
      { code: "mono_lacks_operation", params: {} },
    ]);
    const settled = await refusalOf(
      retryOperation(
        { id: "op_none", state: "settled", idempotencyKey: "k" },
        { reason: "x", ctx },
      ),
    );
    expect([settled.message, settled.extra.detail]).toEqual([
      "An operation in settled cannot be retried",
      { code: "cannot_retry_in_state", params: { state: "settled" } },
    ]);
  });

  it("a database error's detail is worded", async () => {
    const email = `dup-${randomUUID()}@example.test`;
    const user = { email, name: "Dup", role: "viewer" as const };
    await db.user.create({ data: user });
    const err = mapUnknownError(
      await db.user.create({ data: user }).then(
        () => null,
        (e: unknown) => e,
      ),
    );
    expect([err.code, err.message, err.extra.detail]).toEqual([
      "conflict",
      "A record with the same unique value already exists",
      { code: "db_unique_violation", params: {} },
    ]);
  });
});
