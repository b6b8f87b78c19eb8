-- AlterTable
ALTER TABLE "WebhookEvent" ADD COLUMN     "processingDetails" JSONB;

