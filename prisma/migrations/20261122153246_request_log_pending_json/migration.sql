-- AlterTable
ALTER TABLE "RequestLog" ALTER COLUMN "requestBody" SET DATA TYPE JSON,
ALTER COLUMN "responseBody" SET DATA TYPE JSON,
ALTER COLUMN "requestHeaders" SET DATA TYPE JSON,
ALTER COLUMN "responseHeaders" SET DATA TYPE JSON;

-- CreateTable
CREATE TABLE "RequestLogPending" (
    "id" BIGINT NOT NULL,

    CONSTRAINT "RequestLogPending_pkey" PRIMARY KEY ("id")
);


-- Partial indexes (declared in schema.prisma as comments: Prisma 6 cannot express them). Reads
-- carry no operation id, idempotency key or error code: they skip these indexes on insert.
DROP INDEX "RequestLog_idempotencyKey_at_idx";
CREATE INDEX "RequestLog_idempotencyKey_at_idx" ON "RequestLog"("idempotencyKey", "at") WHERE "idempotencyKey" IS NOT NULL;
DROP INDEX "RequestLog_operationId_at_idx";
CREATE INDEX "RequestLog_operationId_at_idx" ON "RequestLog"("operationId", "at") WHERE "operationId" IS NOT NULL;
DROP INDEX "RequestLog_errorCode_at_idx";
CREATE INDEX "RequestLog_errorCode_at_idx" ON "RequestLog"("errorCode", "at") WHERE "errorCode" IS NOT NULL;
