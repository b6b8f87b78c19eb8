-- The Idempotency-Key record is bound to the operation it created or changed, in the
-- same transaction as that operation (recovery point `bound`), and a takeover changes leaseToken.
ALTER TABLE "InboundRequest" ADD COLUMN "recoveryPoint" TEXT NOT NULL DEFAULT 'started',
ADD COLUMN "operationId" TEXT,
ADD COLUMN "leaseToken" TEXT;

-- Keys that finished before this migration are simply done.
UPDATE "InboundRequest" SET "recoveryPoint" = 'done' WHERE state = 'done';

-- CreateIndex: key inspector and timeline (which keys touched an operation)
CREATE INDEX "InboundRequest_operationId_idx" ON "InboundRequest"("operationId");

-- Per-row duplicate reasons of transfer batches
ALTER TABLE "OperationItem" ADD COLUMN "duplicateReason" TEXT;

-- CreateIndex: duplicate detector, transfer rows to the same account and amount
CREATE INDEX "OperationItem_bankCode_accountNumber_amount_idx" ON "OperationItem"("bankCode", "accountNumber", "amount");
