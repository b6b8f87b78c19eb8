-- CreateIndex
CREATE INDEX "MetricRollupHour_endpoint_bucket_idx" ON "MetricRollupHour"("endpoint", "bucket");

