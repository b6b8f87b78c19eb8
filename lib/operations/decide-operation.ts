import "server-only";
import { db } from "../db";
import { AppError } from "../api/app-error";
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
  const result = await db.$transaction(async (tx) => {
    // Serialises deciders of one operation, so two last approvals cannot both "complete" it.
    const [op] = await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM "Operation" WHERE id = ${id} FOR UPDATE`;
    if (!op) throw new AppError("not_found", "No such operation");
    const row = await tx.operation.findUniqueOrThrow({ where: { id } });
    if (row.state !== "pending_approval")
      throw new AppError(
        "state_conflict",
        `The operation is ${row.state}, not waiting for approval`,
      );
    if (row.createdById === user.id)
      throw new AppError(
        "forbidden",
        "You created this operation: someone else must approve it (maker ≠ checker)",
      );
    if (row.fingerprint !== d.fingerprint)
      throw new AppError(
        "state_conflict",
        "The operation changed since you opened it; review it again",
        { meta: { fingerprint: row.fingerprint } },
      );
    if (
      await tx.approval.findUnique({
        where: { operationId_approverId: { operationId: id, approverId: user.id } },
      })
    ) {
      throw new AppError("conflict", "You have already decided on this operation");
    }
    let stepUp = false;
    if (d.decision === "approved" && row.stepUpRequired) {
      const me = await tx.user.findUniqueOrThrow({
        where: { id: user.id },
        select: { stepUpAt: true },
      });
      stepUp =
        !!me.stepUpAt && me.stepUpAt.getTime() > Date.now() - policy.stepUpWindowMinutes * 60_000;
      if (!stepUp)
        throw new AppError(
          "step_up_required",
          `Re-enter your password to approve amounts this large (valid ${policy.stepUpWindowMinutes} minutes)`,
        );
    }
    // The decision and the request's Idempotency-Key commit together: a retry of this request
    // resumes (sends the approved operation) instead of deciding twice.
    await bindInboundRequest(tx, o.inbound, id);
    await tx.approval.create({
      data: {
        operationId: id,
        approverId: user.id,
        decision: d.decision,
        fingerprint: row.fingerprint,
        comment: d.comment,
        stepUp,
      },
    });
    if (d.decision === "rejected") {
      await transition(tx, {
        id,
        from: ["pending_approval"],
        to: "rejected",
        data: { finishedAt: new Date() },
        action: "operation.rejected",
        details: { comment: d.comment ?? null },
        ctx,
      });
      return "rejected" as const;
    }
    const approvals = await tx.approval.count({
      where: { operationId: id, decision: "approved", fingerprint: row.fingerprint },
    });
    if (approvals >= row.requiredApprovals) {
      await transition(tx, {
        id,
        from: ["pending_approval"],
        to: "approved",
        action: "operation.approved",
        details: { approvals, required: row.requiredApprovals, lastApprover: user.email, stepUp },
        ctx,
      });
      return "approved" as const;
    }
    await tx.operation.update({ where: { id }, data: { updatedAt: new Date() } });
    await recordAudit(
      {
        action: "operation.approval_given",
        target: { type: "operation", id },
        details: { approvals, required: row.requiredApprovals, stepUp },
        ctx,
      },
      tx,
    );
    return "partially_approved" as const;
  });
  faultPoint("after_operation_commit");
  if (result === "approved") await sendOperation(id, { ctx });
  return db.operation.findUniqueOrThrow({ where: { id } });
}
