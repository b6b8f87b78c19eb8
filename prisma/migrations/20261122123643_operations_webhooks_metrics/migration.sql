-- CreateEnum
CREATE TYPE "OperationKind" AS ENUM ('payout', 'bank_transfer', 'transfer_batch');

-- CreateEnum
CREATE TYPE "OperationState" AS ENUM ('draft', 'pending_approval', 'approved', 'sending', 'accepted', 'settled', 'failed', 'rejected', 'cancelled', 'expired', 'needs_attention');

-- CreateEnum
CREATE TYPE "ApprovalDecision" AS ENUM ('approved', 'rejected');

-- CreateTable
CREATE TABLE "Operation" (
    "id" TEXT NOT NULL,
    "kind" "OperationKind" NOT NULL,
    "state" "OperationState" NOT NULL,
    "amount" BIGINT NOT NULL,
    "feeEstimate" BIGINT NOT NULL DEFAULT 0,
    "currency" TEXT NOT NULL DEFAULT 'COP',
    "sourceAccountId" TEXT NOT NULL,
    "method" TEXT,
    "transferMode" TEXT,
    "target" JSONB NOT NULL,
    "beneficiaryKey" TEXT,
    "rowCount" INTEGER NOT NULL DEFAULT 1,
    "description" TEXT,
    "reason" TEXT NOT NULL,
    "ticketRef" TEXT,
    "idempotencyKey" TEXT NOT NULL,
    "externalId" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "monoRequest" JSONB NOT NULL,
    "monoId" TEXT,
    "monoState" TEXT,
    "monoStateReason" TEXT,
    "monoSourceAmount" BIGINT,
    "attemptCount" INTEGER NOT NULL DEFAULT 0,
    "lockedUntil" TIMESTAMP(3),
    "lockedBy" TEXT,
    "firstSentAt" TIMESTAMP(3),
    "lastErrorCode" TEXT,
    "lastErrorMessage" TEXT,
    "requiredApprovals" INTEGER NOT NULL DEFAULT 0,
    "stepUpRequired" BOOLEAN NOT NULL DEFAULT false,
    "policyVersion" INTEGER NOT NULL,
    "duplicateReason" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "acceptedAt" TIMESTAMP(3),
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "Operation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OperationItem" (
    "id" TEXT NOT NULL,
    "operationId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "externalId" TEXT NOT NULL,
    "amount" BIGINT NOT NULL,
    "bankCode" TEXT NOT NULL,
    "accountNumber" TEXT NOT NULL,
    "payeeName" TEXT NOT NULL,
    "monoTransferId" TEXT,
    "monoState" TEXT,
    "declinationReason" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OperationItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Approval" (
    "id" TEXT NOT NULL DEFAULT 'apr_' || replace(gen_random_uuid()::text, '-', ''),
    "operationId" TEXT NOT NULL,
    "approverId" TEXT NOT NULL,
    "decision" "ApprovalDecision" NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "comment" TEXT,
    "stepUp" BOOLEAN NOT NULL DEFAULT false,
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Approval_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "InboundRequest" (
    "id" BIGSERIAL NOT NULL,
    "userId" TEXT NOT NULL,
    "key" TEXT NOT NULL,
    "route" TEXT NOT NULL,
    "requestHash" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "responseStatus" INTEGER,
    "responseBody" JSONB,
    "lockedUntil" TIMESTAMP(3) NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "InboundRequest_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Policy" (
    "version" INTEGER NOT NULL,
    "settings" JSONB NOT NULL,
    "createdById" TEXT,
    "reason" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Policy_pkey" PRIMARY KEY ("version")
);

-- CreateTable
CREATE TABLE "WebhookEvent" (
    "id" BIGSERIAL NOT NULL,
    "dedupeKey" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "objectId" TEXT,
    "signatureResult" TEXT NOT NULL,
    "rawBody" TEXT NOT NULL,
    "data" JSONB NOT NULL,
    "eventTimestamp" TIMESTAMP(3),
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveries" INTEGER NOT NULL DEFAULT 1,
    "processedAt" TIMESTAMP(3),
    "processingResult" TEXT,
    "processingError" TEXT,
    "operationId" TEXT,
    "external" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "WebhookEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookRejection" (
    "id" BIGSERIAL NOT NULL,
    "reason" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "ip" TEXT,

    CONSTRAINT "WebhookRejection_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ReconciliationRun" (
    "id" TEXT NOT NULL,
    "trigger" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "windowEnd" TIMESTAMP(3) NOT NULL,
    "state" TEXT NOT NULL,
    "startedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),
    "summary" JSONB,
    "error" TEXT,
    "startedById" TEXT,

    CONSTRAINT "ReconciliationRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Drift" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "operationId" TEXT,
    "monoObjectId" TEXT,
    "evidence" JSONB NOT NULL,
    "resolvedAt" TIMESTAMP(3),
    "resolvedById" TEXT,
    "resolution" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Drift_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MetricRollup" (
    "bucket" TIMESTAMP(3) NOT NULL,
    "endpoint" TEXT NOT NULL,
    "statusClass" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "errorCount" INTEGER NOT NULL DEFAULT 0,
    "retries" INTEGER NOT NULL DEFAULT 0,
    "durationSum" BIGINT NOT NULL DEFAULT 0,
    "latencyHist" INTEGER[],

    CONSTRAINT "MetricRollup_pkey" PRIMARY KEY ("bucket","endpoint","statusClass")
);

-- CreateTable
CREATE TABLE "BalanceSnapshot" (
    "id" BIGSERIAL NOT NULL,
    "accountId" TEXT NOT NULL,
    "available" BIGINT NOT NULL,
    "pending" BIGINT NOT NULL DEFAULT 0,
    "currency" TEXT NOT NULL DEFAULT 'COP',
    "at" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BalanceSnapshot_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Alert" (
    "id" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "foldKey" TEXT NOT NULL,
    "severity" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "details" JSONB NOT NULL,
    "state" TEXT NOT NULL,
    "occurrences" INTEGER NOT NULL DEFAULT 1,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastSeenAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "acknowledgedAt" TIMESTAMP(3),
    "acknowledgedBy" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "notifiedAt" TIMESTAMP(3),

    CONSTRAINT "Alert_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Operation_idempotencyKey_key" ON "Operation"("idempotencyKey");

-- CreateIndex
CREATE UNIQUE INDEX "Operation_externalId_key" ON "Operation"("externalId");

-- CreateIndex
CREATE INDEX "Operation_state_createdAt_idx" ON "Operation"("state", "createdAt");

-- CreateIndex
CREATE INDEX "Operation_kind_createdAt_idx" ON "Operation"("kind", "createdAt");

-- CreateIndex
CREATE INDEX "Operation_createdAt_idx" ON "Operation"("createdAt");

-- CreateIndex
CREATE INDEX "Operation_createdById_createdAt_idx" ON "Operation"("createdById", "createdAt");

-- CreateIndex
CREATE INDEX "Operation_beneficiaryKey_createdAt_idx" ON "Operation"("beneficiaryKey", "createdAt");

-- CreateIndex
CREATE INDEX "Operation_monoId_idx" ON "Operation"("monoId");

-- CreateIndex
CREATE INDEX "Operation_ticketRef_idx" ON "Operation"("ticketRef");

-- CreateIndex
CREATE UNIQUE INDEX "OperationItem_externalId_key" ON "OperationItem"("externalId");

-- CreateIndex
CREATE INDEX "OperationItem_monoTransferId_idx" ON "OperationItem"("monoTransferId");

-- CreateIndex
CREATE UNIQUE INDEX "OperationItem_operationId_position_key" ON "OperationItem"("operationId", "position");

-- CreateIndex
CREATE UNIQUE INDEX "Approval_operationId_approverId_key" ON "Approval"("operationId", "approverId");

-- CreateIndex
CREATE INDEX "InboundRequest_createdAt_idx" ON "InboundRequest"("createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "InboundRequest_userId_key_key" ON "InboundRequest"("userId", "key");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookEvent_dedupeKey_key" ON "WebhookEvent"("dedupeKey");

-- CreateIndex
CREATE INDEX "WebhookEvent_receivedAt_idx" ON "WebhookEvent"("receivedAt");

-- CreateIndex
CREATE INDEX "WebhookEvent_type_receivedAt_idx" ON "WebhookEvent"("type", "receivedAt");

-- CreateIndex
CREATE INDEX "WebhookEvent_operationId_receivedAt_idx" ON "WebhookEvent"("operationId", "receivedAt");

-- CreateIndex
CREATE INDEX "WebhookEvent_objectId_idx" ON "WebhookEvent"("objectId");

-- CreateIndex
CREATE INDEX "WebhookEvent_processingResult_receivedAt_idx" ON "WebhookEvent"("processingResult", "receivedAt");

-- CreateIndex
CREATE INDEX "WebhookRejection_reason_receivedAt_idx" ON "WebhookRejection"("reason", "receivedAt");

-- CreateIndex
CREATE INDEX "ReconciliationRun_startedAt_idx" ON "ReconciliationRun"("startedAt");

-- CreateIndex
CREATE INDEX "Drift_runId_idx" ON "Drift"("runId");

-- CreateIndex
CREATE INDEX "Drift_resolvedAt_severity_idx" ON "Drift"("resolvedAt", "severity");

-- CreateIndex
CREATE INDEX "Drift_operationId_idx" ON "Drift"("operationId");

-- CreateIndex
CREATE INDEX "BalanceSnapshot_accountId_at_idx" ON "BalanceSnapshot"("accountId", "at");

-- CreateIndex
CREATE INDEX "Alert_state_severity_idx" ON "Alert"("state", "severity");

-- CreateIndex
CREATE INDEX "Alert_foldKey_state_idx" ON "Alert"("foldKey", "state");

-- CreateIndex
CREATE INDEX "Alert_openedAt_idx" ON "Alert"("openedAt");

-- AddForeignKey
ALTER TABLE "OperationItem" ADD CONSTRAINT "OperationItem_operationId_fkey" FOREIGN KEY ("operationId") REFERENCES "Operation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Approval" ADD CONSTRAINT "Approval_operationId_fkey" FOREIGN KEY ("operationId") REFERENCES "Operation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Drift" ADD CONSTRAINT "Drift_runId_fkey" FOREIGN KEY ("runId") REFERENCES "ReconciliationRun"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

