-- Partitioned history (docs/ARCHITECTURE.md "Partitioned history"), written by hand because Prisma 6
-- cannot declare partitioning. RequestLog and WebhookEvent become tables partitioned by range of
-- their time column, one partition per UTC day. This migration only creates each parent with a
-- DEFAULT partition that receives every existing row. The daily partitions are created by the
-- application (lib/partitions/maintain.ts), at start-up and by a daily job, seven days ahead,
-- moving the rows of a day out of the DEFAULT partition when it holds some. The DEFAULT partition is
-- the safety net, an insert never fails for a missing day.
--
-- Keys. A primary key or unique constraint on a partitioned table must include the partition key.
--   RequestLog primary key is (id, at). requestId is unique with at, ("requestId", at), and in
--   practice alone: it is a KSUID minted per attempt (128 random bits), never reused.
--   WebhookEvent primary key is (id, receivedAt). The dedupe key must stay exactly unique across
--   time, so it moves to its own small table WebhookEventKey, primary key "dedupeKey", which says
--   on which day the event row lives. The receiver inserts the key first (ON CONFLICT locks an
--   existing key) and only then the event, in one transaction (lib/webhooks/store-events.ts).
-- schema.prisma keeps describing the columns with @id on id and @unique on requestId, which is
-- how Prisma Client reads and writes them. npm run db:new-migration diffs two schema files and
-- never reads the database, so it does not try to undo any of this.

-- RequestLog
ALTER TABLE "RequestLog" RENAME TO "RequestLog_unpartitioned";
ALTER TABLE "RequestLog_unpartitioned" RENAME CONSTRAINT "RequestLog_pkey" TO "RequestLog_unpartitioned_pkey";
ALTER SEQUENCE "RequestLog_id_seq" OWNED BY NONE;
CREATE TABLE "RequestLog" (LIKE "RequestLog_unpartitioned" INCLUDING DEFAULTS) PARTITION BY RANGE ("at");
ALTER SEQUENCE "RequestLog_id_seq" OWNED BY "RequestLog"."id";
CREATE TABLE "RequestLog_default" PARTITION OF "RequestLog" DEFAULT;
INSERT INTO "RequestLog" SELECT * FROM "RequestLog_unpartitioned";
DROP TABLE "RequestLog_unpartitioned";
ALTER TABLE "RequestLog" ADD CONSTRAINT "RequestLog_pkey" PRIMARY KEY ("id", "at");
CREATE UNIQUE INDEX "RequestLog_requestId_key" ON "RequestLog" ("requestId", "at");
CREATE INDEX "RequestLog_monoLogId_idx" ON "RequestLog" ("monoLogId");
CREATE INDEX "RequestLog_callId_attempt_idx" ON "RequestLog" ("callId", "attempt");
CREATE INDEX "RequestLog_at_idx" ON "RequestLog" ("at");
CREATE INDEX "RequestLog_endpoint_at_idx" ON "RequestLog" ("endpoint", "at");
CREATE INDEX "RequestLog_statusClass_at_idx" ON "RequestLog" ("statusClass", "at");
CREATE INDEX "RequestLog_idempotencyKey_at_idx" ON "RequestLog" ("idempotencyKey", "at") WHERE "idempotencyKey" IS NOT NULL;
CREATE INDEX "RequestLog_operationId_at_idx" ON "RequestLog" ("operationId", "at") WHERE "operationId" IS NOT NULL;
CREATE INDEX "RequestLog_errorCode_at_idx" ON "RequestLog" ("errorCode", "at") WHERE "errorCode" IS NOT NULL;

-- WebhookEvent and its dedupe keys
CREATE TABLE "WebhookEventKey" (
    "dedupeKey" TEXT NOT NULL,
    "receivedAt" TIMESTAMPTZ(3) NOT NULL,
    CONSTRAINT "WebhookEventKey_pkey" PRIMARY KEY ("dedupeKey")
);
CREATE INDEX "WebhookEventKey_receivedAt_idx" ON "WebhookEventKey" ("receivedAt");
INSERT INTO "WebhookEventKey" ("dedupeKey", "receivedAt") SELECT "dedupeKey", "receivedAt" FROM "WebhookEvent";

ALTER TABLE "WebhookEvent" RENAME TO "WebhookEvent_unpartitioned";
ALTER TABLE "WebhookEvent_unpartitioned" RENAME CONSTRAINT "WebhookEvent_pkey" TO "WebhookEvent_unpartitioned_pkey";
ALTER SEQUENCE "WebhookEvent_id_seq" OWNED BY NONE;
CREATE TABLE "WebhookEvent" (LIKE "WebhookEvent_unpartitioned" INCLUDING DEFAULTS) PARTITION BY RANGE ("receivedAt");
ALTER SEQUENCE "WebhookEvent_id_seq" OWNED BY "WebhookEvent"."id";
CREATE TABLE "WebhookEvent_default" PARTITION OF "WebhookEvent" DEFAULT;
INSERT INTO "WebhookEvent" SELECT * FROM "WebhookEvent_unpartitioned";
DROP TABLE "WebhookEvent_unpartitioned";
ALTER TABLE "WebhookEvent" ADD CONSTRAINT "WebhookEvent_pkey" PRIMARY KEY ("id", "receivedAt");
CREATE INDEX "WebhookEvent_dedupeKey_idx" ON "WebhookEvent" ("dedupeKey");
CREATE INDEX "WebhookEvent_objectId_idx" ON "WebhookEvent" ("objectId");
CREATE INDEX "WebhookEvent_receivedAt_idx" ON "WebhookEvent" ("receivedAt");
CREATE INDEX "WebhookEvent_type_receivedAt_idx" ON "WebhookEvent" ("type", "receivedAt");
CREATE INDEX "WebhookEvent_operationId_receivedAt_idx" ON "WebhookEvent" ("operationId", "receivedAt");
CREATE INDEX "WebhookEvent_processingResult_receivedAt_idx" ON "WebhookEvent" ("processingResult", "receivedAt");
CREATE INDEX "WebhookEvent_processedAt_id_idx" ON "WebhookEvent" ("processedAt", "id");

-- Legal hold: retention never drops a partition whose day overlaps an active hold
CREATE TABLE "PartitionHold" (
    "id" TEXT NOT NULL,
    "tableName" TEXT NOT NULL,
    "fromAt" TIMESTAMPTZ(3) NOT NULL,
    "toAt" TIMESTAMPTZ(3) NOT NULL,
    "reason" TEXT NOT NULL,
    "createdBy" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "releasedAt" TIMESTAMPTZ(3),
    CONSTRAINT "PartitionHold_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "PartitionHold_tableName_fromAt_idx" ON "PartitionHold" ("tableName", "fromAt");
