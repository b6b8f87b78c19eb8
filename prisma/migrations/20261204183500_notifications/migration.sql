-- Notifications (docs/PAYOUTS.md "Approvals that reach people"). One row per person and event,
-- shown in the console (the bell) and delivered outward by the notifications.deliver job
-- (lib/notifications/). Rows are written by triggers, in the transaction of the change they tell
-- about, so no write path has to remember them and a delivery can never hold up a decision:
--   approval_waiting  an operation enters pending_approval: every active approver and admin but its maker
--   decision          an approval row is inserted (approved or rejected, with its comment): the maker
--   critical_alert    a critical alert opens: every active operator, approver and admin
-- details holds what the message says (kind, amount as text, decision, comment, alert title). The
-- words are chosen in lib/notifications/render.ts.
CREATE TABLE "Notification" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "eventKey" TEXT NOT NULL,
    "operationId" TEXT,
    "alertId" TEXT,
    "details" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "readAt" TIMESTAMPTZ(3),
    "dispatchedAt" TIMESTAMPTZ(3),
    CONSTRAINT "Notification_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "Notification_userId_eventKey_key" ON "Notification"("userId", "eventKey");
CREATE INDEX "Notification_userId_createdAt_idx" ON "Notification"("userId", "createdAt");
CREATE INDEX "Notification_dispatchedAt_createdAt_idx" ON "Notification"("createdAt") WHERE "dispatchedAt" IS NULL;

-- One outward message: an e-mail to one person, or one chat post per event (recipient empty).
-- Retried with backoff until sent or given up (state failed).
CREATE TABLE "OutboundMessage" (
    "id" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "eventKey" TEXT NOT NULL,
    "recipient" TEXT NOT NULL DEFAULT '',
    "notificationId" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastError" TEXT,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMPTZ(3),
    CONSTRAINT "OutboundMessage_pkey" PRIMARY KEY ("id")
);
CREATE UNIQUE INDEX "OutboundMessage_channel_eventKey_recipient_key" ON "OutboundMessage"("channel", "eventKey", "recipient");
CREATE INDEX "OutboundMessage_state_nextAttemptAt_idx" ON "OutboundMessage"("state", "nextAttemptAt");

-- The function bodies spell their semicolons as the octal escape \073 (the migration runner splits on them).
CREATE OR REPLACE FUNCTION notify_operation_waiting() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN
  IF NEW.state = ''pending_approval'' AND (TG_OP = ''INSERT'' OR OLD.state IS DISTINCT FROM ''pending_approval'') THEN
    INSERT INTO "Notification" (id, "userId", kind, "eventKey", "operationId", details)
    SELECT ''ntf_'' || replace(gen_random_uuid()::text, ''-'', ''''), u.id, ''approval_waiting'',
      ''approval_waiting:'' || NEW.id || '':'' || NEW.fingerprint, NEW.id,
      jsonb_build_object(''operationKind'', NEW.kind, ''amount'', NEW.amount::text, ''currency'', NEW.currency,
        ''rowCount'', NEW."rowCount", ''makerId'', NEW."createdById")
    FROM "User" u
    WHERE u.active AND u.role IN (''approver'', ''admin'') AND u.id <> NEW."createdById"
    ON CONFLICT ("userId", "eventKey") DO NOTHING\073
  END IF\073
  RETURN NULL\073
END\073';
CREATE TRIGGER "Operation_notify_waiting" AFTER INSERT OR UPDATE OF state ON "Operation"
    FOR EACH ROW EXECUTE FUNCTION notify_operation_waiting();

CREATE OR REPLACE FUNCTION notify_approval_decision() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN
  INSERT INTO "Notification" (id, "userId", kind, "eventKey", "operationId", details)
  SELECT ''ntf_'' || replace(gen_random_uuid()::text, ''-'', ''''), o."createdById", ''decision'',
    ''decision:'' || NEW.id, o.id,
    jsonb_build_object(''decision'', NEW.decision, ''comment'', NEW.comment, ''approverId'', NEW."approverId",
      ''approverEmail'', (SELECT email FROM "User" WHERE id = NEW."approverId"),
      ''operationKind'', o.kind, ''amount'', o.amount::text, ''currency'', o.currency)
  FROM "Operation" o WHERE o.id = NEW."operationId"
  ON CONFLICT ("userId", "eventKey") DO NOTHING\073
  RETURN NULL\073
END\073';
CREATE TRIGGER "Approval_notify_decision" AFTER INSERT ON "Approval"
    FOR EACH ROW EXECUTE FUNCTION notify_approval_decision();

CREATE OR REPLACE FUNCTION notify_critical_alert() RETURNS trigger LANGUAGE plpgsql AS
E'BEGIN
  IF NEW.severity = ''critical'' THEN
    INSERT INTO "Notification" (id, "userId", kind, "eventKey", "alertId", details)
    SELECT ''ntf_'' || replace(gen_random_uuid()::text, ''-'', ''''), u.id, ''critical_alert'',
      ''critical_alert:'' || NEW.id, NEW.id,
      jsonb_build_object(''rule'', NEW.rule, ''title'', NEW.title)
    FROM "User" u
    WHERE u.active AND u.role IN (''operator'', ''approver'', ''admin'')
    ON CONFLICT ("userId", "eventKey") DO NOTHING\073
  END IF\073
  RETURN NULL\073
END\073';
CREATE TRIGGER "Alert_notify_critical" AFTER INSERT ON "Alert"
    FOR EACH ROW EXECUTE FUNCTION notify_critical_alert();
