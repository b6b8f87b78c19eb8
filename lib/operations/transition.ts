import "server-only";
import type { OperationState, Prisma } from "@/generated/prisma/client";
import type { TTx } from "../db";
import { recordAudit, type TAuditContext } from "../audit/record-audit";

// Every state change goes through here: the precondition is in the WHERE clause (so two workers,
// two clicks or a webhook racing a poller can never both move the same operation), and the audit
// entry commits in the same transaction as the change.
export async function transition(
  tx: TTx,
  o: {
    id: string;
    from: OperationState[];
    to: OperationState;
    data?: Prisma.OperationUpdateManyMutationInput;
    action: string;
    details?: Record<string, unknown>;
    ctx?: TAuditContext;
  },
): Promise<boolean> {
  const r = await tx.operation.updateMany({
    where: { id: o.id, state: { in: o.from } },
    data: { ...o.data, state: o.to },
  });
  if (r.count === 0) return false;
  await recordAudit(
    {
      action: o.action,
      target: { type: "operation", id: o.id },
      details: { to: o.to, ...o.details },
      ctx: o.ctx ?? { actorEmail: "system" },
    },
    tx,
  );
  return true;
}

export const FINAL_STATES: OperationState[] = [
  "settled",
  "failed",
  "rejected",
  "cancelled",
  "expired",
];
// States whose money is committed or may still move: they count towards caps and duplicates.
export const LIVE_STATES: OperationState[] = [
  "draft",
  "pending_approval",
  "approved",
  "sending",
  "accepted",
  "settled",
  "needs_attention",
];
