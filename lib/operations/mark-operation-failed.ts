import "server-only";
import type { OperationState } from "@/generated/prisma/client";
import type { Transaction } from "kysely";
import type { DB } from "@/generated/kysely/types";
import { sqlDb } from "../db";
import { AppError } from "../api/app-error";
import { consoleWords } from "../api/console-words";
import type { TAuditContext } from "../audit/record-audit";
import { transition } from "./transition";

// Marks a stuck operation failed by hand, with a reason — only after Mono has confirmed it does
// not have it (the caller checks; see lib/investigation/run-recovery-action.ts). Audited and
// state-checked like every transition.
export async function markOperationFailed(
  id: string,
  o: { reason: string; evidence: string[]; ctx: TAuditContext; now?: Date },
): Promise<void> {
  const now = o.now ?? new Date();
  await sqlDb.transaction().execute(async (trx) => {
    await lockIdle(trx, id, now);
    const moved = await transition(trx, {
      id,
      from: ["needs_attention", "sending"],
      to: "failed",
      set: {
        lockedUntil: null,
        finishedAt: now,
        lastErrorCode: "marked_failed",
        lastErrorMessage: o.reason.slice(0, 500),
      },
      action: "operation.marked_failed",
      details: { reason: o.reason, evidence: o.evidence, nothingMoved: true },
      ctx: o.ctx,
    });
    if (!moved)
      throw AppError.worded("state_conflict", consoleWords("operation_changed_meanwhile"));
  });
}

// Row lock first: the send claim (an UPDATE on the same row) waits for this transaction, and an
// operation whose lease is live — a send in flight right now — is never moved by hand.
export async function lockIdle(
  trx: Transaction<DB>,
  id: string,
  now: Date,
): Promise<{ state: OperationState }> {
  const row = await trx
    .selectFrom("Operation")
    .select(["state", "lockedUntil"])
    .where("id", "=", id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw AppError.worded("not_found", consoleWords("no_such", { thing: "operation" }));
  if (row.state === "sending" && row.lockedUntil && row.lockedUntil > now)
    throw AppError.worded("state_conflict", consoleWords("send_in_flight"));
  return row;
}
