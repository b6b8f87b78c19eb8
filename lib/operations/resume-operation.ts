import "server-only";
import type { Operation } from "@/generated/prisma/client";
import { db } from "../db";
import { AppError } from "../api/app-error";
import { consoleWords } from "../api/console-words";
import { presentOperation } from "../api/resources/operation";
import type { TAuditContext } from "../audit/record-audit";
import { resumeSend } from "./resume-send";
import { sendOperation } from "./send-operation";

// A retry whose Idempotency-Key is already bound to an operation: the first run crashed, lost its
// lease, or answered 5xx after the operation committed. Never a second operation: what the first
// run left undone is done now — an approved operation is sent (the kill switch still holds it),
// a send whose lease expired is resumed (lib/operations/resume-send.ts) — and the answer is the
// operation's current state. A send whose lease is still live is left to its holder.
export async function resumeOperation(id: string, ctx: TAuditContext): Promise<Operation> {
  const op = await db.operation.findUnique({ where: { id } });
  if (!op) throw AppError.worded("not_found", consoleWords("no_such", { thing: "operation" }));
  const now = new Date();
  if (op.state === "approved") await sendOperation(id, { ctx });
  else if (op.state === "sending" && op.lockedUntil && op.lockedUntil < now)
    await resumeSend(id, { now, ctx });
  return db.operation.findUniqueOrThrow({ where: { id } });
}

/** The answer of an idempotent operation route to a resumed retry: `{ operation }`, as the route's own. */
export async function answerResumed(operationId: string, o: { audit: TAuditContext }) {
  const op = await resumeOperation(operationId, o.audit);
  return { operation: presentOperation(op) };
}
