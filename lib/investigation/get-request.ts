import "server-only";
import { db } from "../db";
import { requestIdWindow } from "../partitions/expired";
import { AppError } from "../api/app-error";
import { consoleWords } from "../api/console-words";
import { REQUEST_LIST_SELECT } from "./list-requests";

// One attempt in full: redacted bodies and headers (stored redacted by the Mono client), the
// other attempts of the same logical call (the attempt chain) and the operation it belongs to.
export async function getRequest(requestId: string) {
  const w = requestIdWindow(requestId);
  const row = await db.requestLog.findFirst({
    where: { requestId, ...(w ? { at: { gte: w.from, lte: w.to } } : {}) },
    omit: { id: true },
  });
  if (!row) throw AppError.worded("not_found", consoleWords("request_not_logged"));
  const [chain, operation] = await Promise.all([
    db.requestLog.findMany({
      where: { callId: row.callId },
      orderBy: { attempt: "asc" },
      take: 20,
      select: REQUEST_LIST_SELECT,
    }),
    row.operationId
      ? db.operation.findUnique({
          where: { id: row.operationId },
          select: {
            id: true,
            kind: true,
            state: true,
            amount: true,
            currency: true,
            monoId: true,
            createdAt: true,
          },
        })
      : Promise.resolve(null),
  ]);
  return { request: row, chain: chain.map((c) => ({ ...c, id: undefined })), operation };
}
