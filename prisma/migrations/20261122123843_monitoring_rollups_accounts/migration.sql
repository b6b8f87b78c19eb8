-- CreateTable
CREATE TABLE "MetricRollupHour" (
    "bucket" TIMESTAMP(3) NOT NULL,
    "endpoint" TEXT NOT NULL,
    "statusClass" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    "errorCount" INTEGER NOT NULL DEFAULT 0,
    "retries" INTEGER NOT NULL DEFAULT 0,
    "durationSum" BIGINT NOT NULL DEFAULT 0,
    "latencyHist" INTEGER[],

    CONSTRAINT "MetricRollupHour_pkey" PRIMARY KEY ("bucket","endpoint","statusClass")
);

-- CreateTable
CREATE TABLE "MonitoredAccount" (
    "id" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "currency" TEXT NOT NULL DEFAULT 'COP',
    "state" TEXT NOT NULL,
    "lastPolledAt" TIMESTAMP(3),
    "lastError" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MonitoredAccount_pkey" PRIMARY KEY ("id")
);

