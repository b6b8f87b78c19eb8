-- CreateIndex
CREATE INDEX "MetricRollup_endpoint_bucket_idx" ON "MetricRollup"("endpoint", "bucket");

