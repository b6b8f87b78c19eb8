import "server-only";
import type { OperationState } from "@/generated/prisma/client";
import { db, type TTx } from "../db";
import { AppError } from "../api/app-error";
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
  await db.$transaction(async (tx) => {
    await lockIdle(tx, id, now);
    const moved = await transition(tx, {
      id,
      from: ["needs_attention", "sending"],
      to: "failed",
      data: {
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
      throw new AppError("state_conflict", "The operation changed state meanwhile: reload it");
  });
}

// Row lock first: the send claim (an UPDATE on the same row) waits for this transaction, and an
// operation whose lease is live — a send in flight right now — is never moved by hand.
export async function lockIdle(tx: TTx, id: string, now: Date): Promise<{ state: OperationState }> {
  const rows = await tx.$queryRaw<
    { state: OperationState; lockedUntil: Date | null }[]
  >`SELECT state, "lockedUntil" FROM "Operation" WHERE id = ${id} FOR UPDATE`;
  if (!rows[0]) throw new AppError("not_found", "No such operation");
  if (rows[0].state === "sending" && rows[0].lockedUntil && rows[0].lockedUntil > now)
    throw new AppError("state_conflict", "A send is in flight right now: wait for it");
  return rows[0];
}
