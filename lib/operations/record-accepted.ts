import "server-only";
import type { Operation } from "@/generated/prisma/client";
import { db } from "../db";
import type { TAuditContext } from "../audit/record-audit";
import type { TMonoTransfer } from "../mono/contract";
import { transition } from "./transition";

// Phase C, success: Mono accepted the operation. Accepted is not settled (seed 000): settlement
// is confirmed later by reading the resource back (confirm-operation.ts).
export async function recordAccepted(
  op: Pick<Operation, "id">,
  r: {
    monoId: string;
    monoState: string;
    monoStateReason: string | null;
    sourceAmount: bigint | null;
    replayed: boolean;
    transfers?: TMonoTransfer[];
  },
  ctx?: TAuditContext,
): Promise<void> {
  await db.$transaction(async (tx) => {
    const moved = await transition(tx, {
      id: op.id,
      from: ["sending"],
      to: "accepted",
      data: {
        monoId: r.monoId,
        monoState: r.monoState,
        monoStateReason: r.monoStateReason,
        monoSourceAmount: r.sourceAmount ?? undefined,
        lockedUntil: null,
        acceptedAt: new Date(),
        lastErrorCode: null,
        lastErrorMessage: null,
      },
      action: "operation.accepted",
      details: { monoId: r.monoId, monoState: r.monoState, replayedByMono: r.replayed },
      ctx,
    });
    if (!moved || !r.transfers) return;
    for (const t of r.transfers) {
      if (!t.external_id) continue;
      await tx.operationItem.updateMany({
        where: { operationId: op.id, externalId: t.external_id },
        data: { monoTransferId: t.id, monoState: t.state, declinationReason: t.declination_reason },
      });
    }
  });
}
