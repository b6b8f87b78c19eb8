import "server-only";
import { sqlDb } from "../db";
import { AppError } from "../api/app-error";
import { consoleWords } from "../api/console-words";
import type { TAuditContext } from "../audit/record-audit";
import { logger } from "../logger";
import { confirmOperation } from "../operations/confirm-operation";
import { lockIdle } from "../operations/mark-operation-failed";
import { transition } from "../operations/transition";
import type { TMonoPresence } from "./find-at-mono";

// "Reconcile": Mono has the operation (found by external_id), so it is recorded as accepted with
// Mono's id — the same end state a successful send reaches — and then confirmed by reading it
// back, which settles it if Mono says it is final.
export async function recordFoundAtMono(
  id: string,
  found: TMonoPresence,
  o: { reason: string; ctx: TAuditContext; now?: Date },
): Promise<void> {
  if (found.presence !== "yes" || !found.monoId)
    throw AppError.worded("state_conflict", consoleWords("mono_lacks_operation"));
  const now = o.now ?? new Date();
  await sqlDb.transaction().execute(async (trx) => {
    await lockIdle(trx, id, now);
    const moved = await transition(trx, {
      id,
      from: ["needs_attention", "sending"],
      to: "accepted",
      set: {
        monoId: found.monoId,
        monoState: found.monoState,
        monoStateReason: found.monoStateReason ?? null,
        monoSourceAmount: found.sourceAmount ?? null,
        lockedUntil: null,
        acceptedAt: now,
        lastErrorCode: null,
        lastErrorMessage: null,
      },
      action: "operation.recorded_from_mono",
      details: {
        reason: o.reason,
        monoId: found.monoId,
        monoState: found.monoState,
        evidence: found.evidence,
      },
      ctx: o.ctx,
    });
    if (!moved)
      throw AppError.worded("state_conflict", consoleWords("operation_changed_meanwhile"));
    for (const t of found.transfers ?? []) {
      if (!t.external_id) continue;
      await trx
        .updateTable("OperationItem")
        .set({
          monoTransferId: t.id,
          monoState: t.state,
          declinationReason: t.declination_reason,
          updatedAt: now,
        })
        .where("operationId", "=", id)
        .where("externalId", "=", t.external_id)
        .execute();
    }
  });
  try {
    await confirmOperation(id, o.ctx);
  } catch (err) {
    // Accepted is recorded; the settlement poller confirms it later.
    logger.warn({ operationId: id, err }, "confirm after reconcile failed");
  }
}
