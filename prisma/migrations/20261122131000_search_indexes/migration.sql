-- CreateIndex
CREATE INDEX "Operation_sourceAccountId_createdAt_idx" ON "Operation"("sourceAccountId", "createdAt");

-- CreateIndex
CREATE INDEX "InboundRequest_key_idx" ON "InboundRequest"("key");

