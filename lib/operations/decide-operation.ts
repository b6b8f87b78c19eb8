import "server-only";
import { db, sqlDb } from "../db";
import { AppError } from "../api/app-error";
import { consoleWords } from "../api/console-words";
import { recordAudit, type TAuditContext } from "../audit/record-audit";
import type { TCurrentUser } from "../auth/current-user";
import { getPolicy } from "../guard/get-policy";
import { transition } from "./transition";
import { sendOperation } from "./send-operation";
import { bindInboundRequest, type TInbound } from "../api/idempotency";
import { faultPoint } from "../faults/fault-point";

export type TDecision = {
  decision: "approved" | "rejected";
  fingerprint: string;
  comment?: string;
};

// Maker-checker: the maker never decides on their own operation, a user decides once, the
// decision binds to the payload fingerprint the approver saw (an edit since voids it), and large
// amounts need a password re-entry within the step-up window. The last needed approval sends it.
export async function decideOperation(
  id: string,
  d: TDecision,
  user: TCurrentUser,
  ctx: TAuditContext,
  o: { inbound?: TInbound | null } = {},
) {
  const { settings: policy } = await getPolicy();
  const result = await sqlDb.transaction().execute(async (trx) => {
    // The row lock serialises deciders of one operation, so two last approvals cannot both
    // "complete" it.
    const row = await trx
      .selectFrom("Operation")
      .select(["state", "createdById", "fingerprint", "stepUpRequired", "requiredApprovals"])
      .where("id", "=", id)
      .forUpdate()
      .executeTakeFirst();
    if (!row) throw AppError.worded("not_found", consoleWords("no_such", { thing: "operation" }));
    if (row.state !== "pending_approval")
      throw AppError.worded(
        "state_conflict",
        consoleWords("not_awaiting_approval", { state: row.state }),
      );
    if (row.createdById === user.id)
      throw AppError.worded("forbidden", consoleWords("maker_cannot_approve"));
    if (row.fingerprint !== d.fingerprint)
      throw AppError.worded("state_conflict", consoleWords("changed_since_opened"), {
        meta: { fingerprint: row.fingerprint },
      });
    const already = await trx
      .selectFrom("Approval")
      .select("id")
      .where("operationId", "=", id)
      .where("approverId", "=", user.id)
      .executeTakeFirst();
    if (already) {
      throw AppError.worded("conflict", consoleWords("already_decided"));
    }
    let stepUp = false;
    if (d.decision === "approved" && row.stepUpRequired) {
      const me = await trx
        .selectFrom("User")
        .select("stepUpAt")
        .where("id", "=", user.id)
        .executeTakeFirstOrThrow();
      stepUp =
        !!me.stepUpAt && me.stepUpAt.getTime() > Date.now() - policy.stepUpWindowMinutes * 60_000;
      if (!stepUp)
        throw AppError.worded(
          "step_up_required",
          consoleWords("step_up_for_amount", { minutes: policy.stepUpWindowMinutes }),
        );
    }
    // The decision and the request's Idempotency-Key commit together: a retry of this request
    // resumes (sends the approved operation) instead of deciding twice.
    await bindInboundRequest(trx, o.inbound, id);
    await trx
      .insertInto("Approval")
      .values({
        operationId: id,
        approverId: user.id,
        decision: d.decision,
        fingerprint: row.fingerprint,
        comment: d.comment ?? null,
        stepUp,
      })
      .execute();
    if (d.decision === "rejected") {
      await transition(trx, {
        id,
        from: ["pending_approval"],
        to: "rejected",
        set: { finishedAt: new Date() },
        action: "operation.rejected",
        details: { comment: d.comment ?? null },
        ctx,
      });
      return "rejected" as const;
    }
    const { approvals } = await trx
      .selectFrom("Approval")
      .select((eb) => eb.fn.countAll<string>().as("approvals"))
      .where("operationId", "=", id)
      .where("decision", "=", "approved")
      .where("fingerprint", "=", row.fingerprint)
      .executeTakeFirstOrThrow()
      .then((r) => ({ approvals: Number(r.approvals) }));
    if (approvals >= row.requiredApprovals) {
      await transition(trx, {
        id,
        from: ["pending_approval"],
        to: "approved",
        action: "operation.approved",
        details: { approvals, required: row.requiredApprovals, lastApprover: user.email, stepUp },
        ctx,
      });
      return "approved" as const;
    }
    await trx
      .updateTable("Operation")
      .set({ updatedAt: new Date() })
      .where("id", "=", id)
      .execute();
    await recordAudit(
      {
        action: "operation.approval_given",
        target: { type: "operation", id },
        details: { approvals, required: row.requiredApprovals, stepUp },
        ctx,
      },
      trx,
    );
    return "partially_approved" as const;
  });
  faultPoint("after_operation_commit");
  if (result === "approved") await sendOperation(id, { ctx });
  return db.operation.findUniqueOrThrow({ where: { id } });
}
