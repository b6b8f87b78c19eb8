import "server-only";
import type { OperationState } from "@/generated/prisma/client";
import { sqlDb } from "../db";
import { AppError } from "../api/app-error";
import { consoleWords } from "../api/console-words";
import { recordAudit, type TAuditContext } from "../audit/record-audit";
import { resumeSend } from "./resume-send";
import { sendOperation, type TSendResult } from "./send-operation";
import { transition } from "./transition";

// A person's "retry with the same key" on an operation in needs_attention (or stuck in sending
// with an expired lease). Nothing new is built: sendOperation re-sends the stored body with the
// operation's one idempotency key and external_id, so Mono replays the original if it had it.
// The caller (lib/investigation/run-recovery-action.ts) has already checked the verdict allows it.
export async function retryOperation(
  op: { id: string; state: OperationState; idempotencyKey: string },
  o: { reason: string; ctx: TAuditContext },
): Promise<TSendResult> {
  const details = { reason: o.reason, idempotencyKey: op.idempotencyKey, from: op.state };
  if (op.state === "needs_attention") {
    const moved = await transition(sqlDb, {
      id: op.id,
      from: ["needs_attention"],
      to: "approved",
      set: { lockedUntil: null },
      action: "operation.retry_requested",
      details,
      ctx: o.ctx,
    });
    if (!moved)
      throw AppError.worded("state_conflict", consoleWords("operation_changed_meanwhile"));
  } else if (op.state === "sending") {
    // The claim inside sendOperation only succeeds on an expired lease: no transition needed here.
    await recordAudit({
      action: "operation.retry_requested",
      target: { type: "operation", id: op.id },
      details,
      ctx: o.ctx,
    });
    const r = await resumeSend(op.id, { ctx: o.ctx });
    return r === "found_at_mono" ? "accepted" : r === "unknown_at_mono" ? "not_claimed" : r;
  } else {
    throw AppError.worded(
      "state_conflict",
      consoleWords("cannot_retry_in_state", { state: op.state }),
    );
  }
  return sendOperation(op.id, { ctx: o.ctx });
}
