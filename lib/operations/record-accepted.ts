import "server-only";
import { Prisma, type Operation } from "@/generated/prisma/client";
import type { TAuditContext } from "../audit/record-audit";
import type { TMonoTransfer } from "../mono/contract";
import { transitionAlone } from "./transition";

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
): Promise<Operation | null> {
  // Transfer rows get Mono's ids in the same statement (only if the operation moved).
  const rows = (r.transfers ?? []).filter((t) => t.external_id);
  const items =
    rows.length === 0
      ? undefined
      : Prisma.sql`UPDATE "OperationItem" i SET "monoTransferId" = v.trn, "monoState" = v.state, "declinationReason" = v.reason
          FROM moved, (VALUES ${Prisma.join(
            rows.map(
              (t) =>
                Prisma.sql`(${t.external_id}::text, ${t.id}::text, ${t.state}::text, ${t.declination_reason ?? null}::text)`,
            ),
          )}) AS v(ext, trn, state, reason)
          WHERE i."operationId" = moved."id" AND i."externalId" = v.ext`;
  // One statement (transitionAlone): the change, the items and the audit entry commit together.
  return transitionAlone({
    id: op.id,
    from: ["sending"],
    to: "accepted",
    set: Prisma.sql`"monoId" = ${r.monoId}, "monoState" = ${r.monoState}, "monoStateReason" = ${r.monoStateReason},
      "monoSourceAmount" = COALESCE(${r.sourceAmount}::bigint, "monoSourceAmount"), "lockedUntil" = NULL,
      "acceptedAt" = ${new Date()}::timestamptz, "lastErrorCode" = NULL, "lastErrorMessage" = NULL`,
    also: items,
    action: "operation.accepted",
    details: { monoId: r.monoId, monoState: r.monoState, replayedByMono: r.replayed },
    ctx,
  });
}
