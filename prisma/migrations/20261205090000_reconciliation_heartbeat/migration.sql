-- A reconciliation run proves it is alive: the process running it writes "heartbeatAt" every
-- 15 s. A run whose heartbeat is older than 60 s was abandoned (its process stopped or was
-- killed) and no longer blocks the next run (docs/RECONCILIATION.md "One at a time").
ALTER TABLE "ReconciliationRun" ADD COLUMN "heartbeatAt" TIMESTAMPTZ(3);
UPDATE "ReconciliationRun" SET "heartbeatAt" = "startedAt";
ALTER TABLE "ReconciliationRun" ALTER COLUMN "heartbeatAt" SET NOT NULL;
ALTER TABLE "ReconciliationRun" ALTER COLUMN "heartbeatAt" SET DEFAULT CURRENT_TIMESTAMP;
-- At most one run in progress, whatever the number of console instances: a second start loses
-- on this index instead of racing a "none running" check.
UPDATE "ReconciliationRun" r SET "state" = 'failed', "finishedAt" = CURRENT_TIMESTAMP,
  "error" = 'Abandoned: another run was in progress'
  WHERE r."state" = 'running'
    AND r."id" <> (SELECT "id" FROM "ReconciliationRun" WHERE "state" = 'running' ORDER BY "startedAt" DESC LIMIT 1);
CREATE UNIQUE INDEX "ReconciliationRun_one_running" ON "ReconciliationRun" ("state") WHERE "state" = 'running';
