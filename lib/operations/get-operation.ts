import "server-only";
import { db } from "../db";
import { AppError } from "../api/app-error";
import { consoleWords } from "../api/console-words";
import type { TCurrentUser } from "../auth/current-user";
import { can } from "../auth/permissions";
import { getPolicy } from "../guard/get-policy";
import { presentOperationDetail, type TOperationDetail } from "../api/resources/operation";
import { readAvailableBalance } from "./read-available-balance";

// One operation with everything a person needs to judge it: approvals, items, every attempt,
// the audit trail and, while it waits for approval, the approver's context pack. Answered through
// the operation resource (lib/api/resources/operation.ts): masked, without the Mono body.
export async function getOperation(id: string, user: TCurrentUser): Promise<TOperationDetail> {
  const op = await db.operation.findUnique({
    where: { id },
    include: {
      approvals: { orderBy: { at: "asc" } },
      items: { orderBy: { position: "asc" }, take: 1000 },
    },
  });
  if (!op) throw AppError.worded("not_found", consoleWords("no_such", { thing: "operation" }));
  const userIds = [op.createdById, ...op.approvals.map((a) => a.approverId)];
  const [users, attempts, audit] = await Promise.all([
    db.user.findMany({
      where: { id: { in: userIds } },
      select: { id: true, name: true, email: true },
    }),
    db.requestLog.findMany({
      where: { operationId: id },
      orderBy: { at: "asc" },
      take: 500,
      select: {
        requestId: true,
        monoLogId: true,
        method: true,
        endpoint: true,
        status: true,
        statusClass: true,
        errorCode: true,
        attempt: true,
        callId: true,
        durationMs: true,
        delayBeforeMs: true,
        delayReason: true,
        idempotencyKey: true,
        at: true,
      },
    }),
    db.auditEvent.findMany({
      where: { targetType: "operation", targetId: id },
      orderBy: { seq: "asc" },
      take: 500,
    }),
  ]);
  const who = new Map(users.map((u) => [u.id, u]));
  const myDecision = op.approvals.find((a) => a.approverId === user.id);
  const canDecide =
    op.state === "pending_approval" &&
    can(user.role, "payouts.approve") &&
    op.createdById !== user.id &&
    !myDecision;
  return presentOperationDetail({
    operation: op,
    createdBy: who.get(op.createdById) ?? null,
    approvals: op.approvals.map((a) => ({
      ...a,
      approver: who.get(a.approverId) ?? null,
      current: a.fingerprint === op.fingerprint,
    })),
    attempts,
    audit: audit.map((a) => ({ ...a, seq: a.seq.toString() })),
    permissions: {
      canDecide,
      canCancel:
        ["draft", "pending_approval", "approved"].includes(op.state) &&
        (op.createdById === user.id || can(user.role, "payouts.approve")),
      canEdit:
        op.state === "pending_approval" && op.createdById === user.id && op.kind === "payout",
    },
    context: op.state === "pending_approval" ? await contextPack(op) : null,
  });
}

async function contextPack(op: {
  id: string;
  sourceAccountId: string;
  amount: bigint;
  feeEstimate: bigint;
  beneficiaryKey: string | null;
}) {
  const { settings } = await getPolicy();
  let available: bigint | null = null;
  try {
    available = await readAvailableBalance(op.sourceAccountId);
  } catch {
    available = null; // shown as "unavailable"; the approval itself does not depend on it
  }
  const prior = op.beneficiaryKey
    ? await db.operation.findMany({
        where: { beneficiaryKey: op.beneficiaryKey, id: { not: op.id } },
        orderBy: { createdAt: "desc" },
        take: 5,
        select: { id: true, state: true, amount: true, createdAt: true },
      })
    : [];
  const after = available === null ? null : available - op.amount - op.feeEstimate;
  return {
    available,
    balanceAfter: after,
    lowBalanceFloor: BigInt(settings.lowBalanceFloor),
    belowFloorAfter: after !== null && after < BigInt(settings.lowBalanceFloor),
    priorToBeneficiary: prior,
  };
}
