import "server-only";
import type { TJobDef } from "../jobs/types";
import { recoverStuckOperations } from "./recover-stuck-operations";
import { expireApprovals } from "./expire-approvals";
import { pollSettlements } from "./poll-settlements";
import { sendApprovedBacklog } from "./send-approved-backlog";
import { confirmOperation } from "./confirm-operation";

export const operationJobs: TJobDef[] = [
  { name: "operations.recover", everySeconds: 30, handler: () => recoverStuckOperations() },
  { name: "operations.send-backlog", everySeconds: 15, handler: () => sendApprovedBacklog() },
  { name: "operations.poll-settlements", everySeconds: 10, handler: () => pollSettlements() },
  { name: "operations.expire-approvals", everySeconds: 3600, handler: () => expireApprovals() },
  // Enqueued by the webhook processor: confirm one operation now.
  {
    name: "operations.confirm",
    handler: (d) => confirmOperation(String((d as { operationId: string }).operationId)),
  },
];
