-- CreateTable
CREATE TABLE "RequestLog" (
    "id" BIGSERIAL NOT NULL,
    "requestId" TEXT NOT NULL,
    "monoLogId" TEXT,
    "operationId" TEXT,
    "idempotencyKey" TEXT,
    "traceId" TEXT NOT NULL,
    "method" TEXT NOT NULL,
    "path" TEXT NOT NULL,
    "endpoint" TEXT NOT NULL,
    "status" INTEGER,
    "statusClass" TEXT NOT NULL,
    "errorCode" TEXT,
    "attempt" INTEGER NOT NULL,
    "callId" TEXT NOT NULL,
    "durationMs" INTEGER NOT NULL,
    "delayBeforeMs" INTEGER NOT NULL DEFAULT 0,
    "delayReason" TEXT,
    "apiKeyLabel" TEXT NOT NULL,
    "requestBody" JSONB,
    "responseBody" JSONB,
    "requestHeaders" JSONB,
    "responseHeaders" JSONB,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RequestLog_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RequestLog_requestId_key" ON "RequestLog"("requestId");

-- CreateIndex
CREATE INDEX "RequestLog_monoLogId_idx" ON "RequestLog"("monoLogId");

-- CreateIndex
CREATE INDEX "RequestLog_idempotencyKey_at_idx" ON "RequestLog"("idempotencyKey", "at");

-- CreateIndex
CREATE INDEX "RequestLog_operationId_at_idx" ON "RequestLog"("operationId", "at");

-- CreateIndex
CREATE INDEX "RequestLog_callId_attempt_idx" ON "RequestLog"("callId", "attempt");

-- CreateIndex
CREATE INDEX "RequestLog_at_idx" ON "RequestLog"("at");

-- CreateIndex
CREATE INDEX "RequestLog_endpoint_at_idx" ON "RequestLog"("endpoint", "at");

-- CreateIndex
CREATE INDEX "RequestLog_statusClass_at_idx" ON "RequestLog"("statusClass", "at");

-- CreateIndex
CREATE INDEX "RequestLog_errorCode_at_idx" ON "RequestLog"("errorCode", "at");

