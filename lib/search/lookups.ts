import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "../db";

// The search's lookups, one parameterised statement each, every WHERE an equality on an indexed
// column (tests/integration/search/explain.test.ts EXPLAINs them with seq scans disabled). Raw SQL
// because search is on every support agent's critical path and Prisma 6's client engine compiles
// each query on the main thread (0.1–1 ms of CPU each; docs/BENCHMARKS.md "payouts", "search").

export type TOperationSummary = {
  id: string;
  kind: string;
  state: string;
  amount: bigint;
  currency: string;
  createdAt: Date;
  monoId: string | null;
  externalId: string;
  ticketRef: string | null;
  sourceAccountId: string;
};
export type TRequestSummary = {
  requestId: string;
  monoLogId: string | null;
  operationId: string | null;
  idempotencyKey: string | null;
  method: string;
  path: string;
  status: number | null;
  errorCode: string | null;
  attempt: number;
  at: Date;
};

const OP = Prisma.sql`id, kind::text AS kind, state::text AS state, amount, currency, "createdAt", "monoId", "externalId", "ticketRef", "sourceAccountId"`;
const REQ = Prisma.sql`"requestId", "monoLogId", "operationId", "idempotencyKey", method, path, status, "errorCode", attempt, at`;

export const lookups = {
  requestById: (v: string) =>
    db.$queryRaw<TRequestSummary[]>`SELECT ${REQ} FROM "RequestLog" WHERE "requestId" = ${v}`,
  requestsByLogId: (v: string) =>
    db.$queryRaw<
      TRequestSummary[]
    >`SELECT ${REQ} FROM "RequestLog" WHERE "monoLogId" = ${v} LIMIT 10`,
  lastRequestByKey: (v: string) =>
    db.$queryRaw<
      TRequestSummary[]
    >`SELECT ${REQ} FROM "RequestLog" WHERE "idempotencyKey" = ${v} ORDER BY at DESC LIMIT 1`,
  inboundByKey: (v: string) =>
    db.$queryRaw<
      { route: string; state: string; createdAt: Date }[]
    >`SELECT route, state, "createdAt" FROM "InboundRequest" WHERE key = ${v} LIMIT 1`,
  operationById: (v: string) =>
    db.$queryRaw<TOperationSummary[]>`SELECT ${OP} FROM "Operation" WHERE id = ${v}`,
  operationsByIds: (v: string[]) =>
    db.$queryRaw<TOperationSummary[]>`SELECT ${OP} FROM "Operation" WHERE id = ANY(${v})`,
  operationByKey: (v: string) =>
    db.$queryRaw<TOperationSummary[]>`SELECT ${OP} FROM "Operation" WHERE "idempotencyKey" = ${v}`,
  operationByMonoId: (v: string) =>
    db.$queryRaw<TOperationSummary[]>`SELECT ${OP} FROM "Operation" WHERE "monoId" = ${v} LIMIT 1`,
  operationByExternalId: (v: string) =>
    db.$queryRaw<TOperationSummary[]>`SELECT ${OP} FROM "Operation" WHERE "externalId" = ${v}`,
  operationsByTicket: (v: string) =>
    db.$queryRaw<
      TOperationSummary[]
    >`SELECT ${OP} FROM "Operation" WHERE "ticketRef" = ${v} ORDER BY "createdAt" DESC LIMIT 20`,
  itemByTransferId: (v: string) =>
    db.$queryRaw<
      { operationId: string; position: number }[]
    >`SELECT "operationId", position FROM "OperationItem" WHERE "monoTransferId" = ${v} LIMIT 1`,
  itemByExternalId: (v: string) =>
    db.$queryRaw<
      { operationId: string; position: number }[]
    >`SELECT "operationId", position FROM "OperationItem" WHERE "externalId" = ${v}`,
  webhookByObjectId: (v: string) =>
    db.$queryRaw<
      { id: bigint; type: string; receivedAt: Date; operationId: string | null }[]
    >`SELECT id, type, "receivedAt", "operationId" FROM "WebhookEvent" WHERE "objectId" = ${v} ORDER BY "receivedAt" DESC LIMIT 1`,
};
