import "server-only";
import type { Prisma } from "@/generated/prisma/client";
import { db } from "../db";
import { OPERATION_ROW_FIELDS } from "../api/resources/operation";
import { maskTarget } from "./mask";
import { RANGES, type TOperationFilters } from "./list-filters";

export function operationWhere(f: TOperationFilters, userId: string): Prisma.OperationWhereInput {
  return {
    ...(f.state?.length ? { state: { in: f.state } } : {}),
    ...(f.kind?.length ? { kind: { in: f.kind } } : {}),
    ...(f.range ? { createdAt: { gte: new Date(Date.now() - RANGES[f.range]) } } : {}),
    ...(f.minAmount !== undefined || f.maxAmount !== undefined
      ? {
          amount: {
            ...(f.minAmount !== undefined ? { gte: BigInt(f.minAmount) } : {}),
            ...(f.maxAmount !== undefined ? { lte: BigInt(f.maxAmount) } : {}),
          },
        }
      : {}),
    ...(f.createdBy ? { createdById: f.createdBy } : {}),
    ...(f.awaitingMe
      ? {
          state: "pending_approval",
          createdById: { not: userId },
          approvals: { none: { approverId: userId } },
        }
      : {}),
  };
}

const LIST_SELECT = {
  ...OPERATION_ROW_FIELDS,
  _count: { select: { approvals: { where: { decision: "approved" as const } } } },
} satisfies Prisma.OperationSelect;

/** How many operations match the filters (the full export's row count). */
export function countOperations(f: TOperationFilters, userId: string): Promise<number> {
  return db.operation.count({ where: operationWhere(f, userId) });
}

// Newest first, keyset-paginated on (createdAt, id): a page costs the same at row 10 or 10 million.
export async function listOperations(f: TOperationFilters, userId: string) {
  const cursor = f.cursor
    ? await db.operation.findUnique({
        where: { id: f.cursor },
        select: { createdAt: true, id: true },
      })
    : null;
  const where: Prisma.OperationWhereInput = {
    AND: [
      operationWhere(f, userId),
      cursor
        ? {
            OR: [
              { createdAt: { lt: cursor.createdAt } },
              { createdAt: cursor.createdAt, id: { lt: cursor.id } },
            ],
          }
        : {},
    ],
  };
  const rows = await db.operation.findMany({
    where,
    select: LIST_SELECT,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: f.limit + 1,
  });
  const page = rows.slice(0, f.limit);
  const users = await db.user.findMany({
    where: { id: { in: [...new Set(page.map((r) => r.createdById))] } },
    select: { id: true, name: true, email: true },
  });
  const byId = new Map(users.map((u) => [u.id, u]));
  return {
    operations: page.map(({ _count, ...r }) => ({
      ...r,
      target: maskTarget(r.target),
      approvalsGiven: _count.approvals,
      createdBy: byId.get(r.createdById) ?? null,
    })),
    nextCursor: rows.length > f.limit ? page[page.length - 1].id : null,
  };
}
