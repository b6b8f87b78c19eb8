import "server-only";
import type { Updateable } from "kysely";
import type { OperationState } from "@/generated/prisma/client";
import type { Operation as TOperationTable } from "@/generated/kysely/types";
import type { TSqlDb } from "../db";
import { auditAppend, type TAuditContext } from "../audit/record-audit";

export type TOperationChange = Omit<Updateable<TOperationTable>, "id" | "state" | "updatedAt">;
export type TTransition = {
  id: string;
  from: OperationState[];
  to: OperationState;
  set?: TOperationChange;
  action: string;
  details?: Record<string, unknown>;
  ctx?: TAuditContext;
};

// Every state change of an operation goes through here, as ONE statement: the precondition is in
// the WHERE clause (so two workers, two clicks or a webhook racing a poller can never both move
// the same operation) and the audit entry is appended by the same statement, only if the row
// moved. Run it on `sqlDb` when nothing else must commit with it (in autocommit the audit chain's
// lock is held only while the statement runs), or on a Kysely transaction when something must.
export async function transition(trx: TSqlDb, o: TTransition): Promise<boolean> {
  const moved = await trx
    .with("moved", (db) =>
      db
        .updateTable("Operation")
        .set({ ...o.set, state: o.to, updatedAt: new Date() })
        .where("id", "=", o.id)
        .where("state", "in", o.from)
        .returning("id"),
    )
    .selectFrom("moved")
    .select(
      auditAppend({
        action: o.action,
        target: { type: "operation", id: o.id },
        details: { to: o.to, ...o.details },
        ctx: o.ctx ?? { actorEmail: "system" },
      }).as("hash"),
    )
    .executeTakeFirst();
  return moved !== undefined;
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
