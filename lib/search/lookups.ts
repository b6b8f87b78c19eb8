import "server-only";
import { requestIdWindow } from "../partitions/expired";
import { sqlDb } from "../db";

// The search's lookups, one parameterised statement each, every WHERE an equality on an indexed
// column (tests/integration/search/explain.test.ts EXPLAINs them with seq scans disabled). Kysely
// rather than Prisma Client because search is on every support agent's critical path and Prisma 6
// compiles each query on the main thread (docs/BENCHMARKS.md "search").

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

const OP = [
  "id",
  "kind",
  "state",
  "amount",
  "currency",
  "createdAt",
  "monoId",
  "externalId",
  "ticketRef",
  "sourceAccountId",
] as const;
const REQ = [
  "requestId",
  "monoLogId",
  "operationId",
  "idempotencyKey",
  "method",
  "path",
  "status",
  "errorCode",
  "attempt",
  "at",
] as const;

const requests = () => sqlDb.selectFrom("RequestLog").select(REQ);
const operations = () => sqlDb.selectFrom("Operation").select(OP);
const items = () => sqlDb.selectFrom("OperationItem").select(["operationId", "position"]);

export const lookups = {
  requestById: (v: string): Promise<TRequestSummary[]> => {
    const w = requestIdWindow(v);
    return requests()
      .where("requestId", "=", v)
      .$if(w !== null, (q) => q.where("at", ">=", w!.from).where("at", "<=", w!.to))
      .execute();
  },
  requestsByLogId: (v: string): Promise<TRequestSummary[]> =>
    requests().where("monoLogId", "=", v).limit(10).execute(),
  lastRequestByKey: (v: string): Promise<TRequestSummary[]> =>
    requests().where("idempotencyKey", "=", v).orderBy("at", "desc").limit(1).execute(),
  inboundByKey: (v: string): Promise<{ route: string; state: string; createdAt: Date }[]> =>
    sqlDb
      .selectFrom("InboundRequest")
      .select(["route", "state", "createdAt"])
      .where("key", "=", v)
      .limit(1)
      .execute(),
  operationById: (v: string): Promise<TOperationSummary[]> =>
    operations().where("id", "=", v).execute(),
  // = ANY(one array parameter): one statement text whatever the number of ids.
  operationsByIds: (v: string[]): Promise<TOperationSummary[]> =>
    operations()
      .where((eb) => eb("id", "=", eb.fn.any(eb.val(v))))
      .execute(),
  operationByKey: (v: string): Promise<TOperationSummary[]> =>
    operations().where("idempotencyKey", "=", v).execute(),
  operationByMonoId: (v: string): Promise<TOperationSummary[]> =>
    operations().where("monoId", "=", v).limit(1).execute(),
  operationByExternalId: (v: string): Promise<TOperationSummary[]> =>
    operations().where("externalId", "=", v).execute(),
  operationsByTicket: (v: string): Promise<TOperationSummary[]> =>
    operations().where("ticketRef", "=", v).orderBy("createdAt", "desc").limit(20).execute(),
  itemByTransferId: (v: string): Promise<{ operationId: string; position: number }[]> =>
    items().where("monoTransferId", "=", v).limit(1).execute(),
  itemByExternalId: (v: string): Promise<{ operationId: string; position: number }[]> =>
    items().where("externalId", "=", v).execute(),
  webhookByObjectId: (
    v: string,
  ): Promise<{ id: bigint; type: string; receivedAt: Date; operationId: string | null }[]> =>
    sqlDb
      .selectFrom("WebhookEvent")
      .select(["id", "type", "receivedAt", "operationId"])
      .where("objectId", "=", v)
      .orderBy("receivedAt", "desc")
      .limit(1)
      .execute(),
};
