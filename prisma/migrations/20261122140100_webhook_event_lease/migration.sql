-- AlterTable
ALTER TABLE "WebhookEvent" ADD COLUMN     "leaseUntil" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "WebhookEvent_processedAt_id_idx" ON "WebhookEvent"("processedAt", "id");

