import type { z } from "zod";
import { ZAlertBanner, ZAlertChange, ZAlertCheck, ZAlertPage } from "./alert";
import { ZAuditPage, ZAuditVerdict } from "./audit";
import { ZAccountList } from "./balance";
import { ZBeneficiaryClear, ZBeneficiaryLinks, ZBeneficiaryView } from "./beneficiary";
import { ZBalanceCharts, ZRequestCharts } from "./chart";
import { ZLiveness, ZReadinessReport, ZReady } from "./health";
import {
  ZEvidence,
  ZKeyInspection,
  ZRecoveryOutcome,
  ZSafeToRetry,
  ZTimeline,
} from "./investigation";
import { ZBeneficiaryReveal, ZOperationDetail, ZOperationPage, ZOperationWrite } from "./operation";
import { ZNote, ZNotes } from "./note";
import { ZNotificationList } from "./notification";
import { ZOverview } from "./overview";
import { ZPolicy } from "./policy";
import { ZBankList, ZBrebTarget, ZPreview, ZSourceAccounts } from "./reference";
import { ZFindingChange, ZFindingPage, ZRunList, ZRunResult } from "./reconciliation";
import { ZRequestDetail, ZRequestPage } from "./request-log";
import { ZSearchResult } from "./search";
import { ZSignOut, ZStepUp } from "./session";
import { ZNewUser, ZPasswordReset, ZUserChange, ZUserList } from "./user";
import { ZViewList } from "./view";
import {
  ZReprocessOutcome,
  ZWebhookDetail,
  ZWebhookPage,
  ZWebhookReceipt,
  ZWebhookReveal,
  ZWebhookSummary,
} from "./webhook";

// Which response schema every route handler answers through: "METHOD /api/path" (the folder under
// app/, dynamic segments as on disk) → the schema its present…() function parses with. A route
// that answers something other than JSON says what instead. A new route.ts needs a line here:
// tests/integration/api/response-schemas.test.ts walks every route on disk, fails on a handler
// without one, and checks that every GET answered as admin is exactly what its schema produces.
export type TNotJson = { notJson: string };
export type TRouteAnswer = z.ZodType | TNotJson;

export const RESPONSE_SCHEMAS: Record<string, TRouteAnswer> = {
  "GET /api/alerts": ZAlertPage,
  "POST /api/alerts/[id]/acknowledge": ZAlertChange,
  "POST /api/alerts/[id]/resolve": ZAlertChange,
  "GET /api/alerts/banner": ZAlertBanner,
  "POST /api/alerts/evaluate": ZAlertCheck,
  "GET /api/audit": ZAuditPage,
  "GET /api/audit/verify": ZAuditVerdict,
  "GET /api/auth/[...nextauth]": { notJson: "next-auth's own endpoints (not built by withApi)" },
  "POST /api/auth/[...nextauth]": { notJson: "next-auth's own endpoints (not built by withApi)" },
  "POST /api/auth/sign-out": ZSignOut,
  "POST /api/auth/step-up": ZStepUp,
  "GET /api/balances": ZAccountList,
  "GET /api/beneficiaries/[key]": ZBeneficiaryView,
  "POST /api/beneficiaries/[key]/reveal": ZBeneficiaryClear,
  "GET /api/charts/balances": ZBalanceCharts,
  "GET /api/charts/requests": ZRequestCharts,
  "GET /api/health": ZLiveness,
  "GET /api/idempotency/[key]": ZKeyInspection,
  "GET /api/metrics": { notJson: "Prometheus text exposition" },
  "GET /api/mono/accounts": ZSourceAccounts,
  "GET /api/mono/banks": ZBankList,
  "POST /api/mono/breb-resolve": ZBrebTarget,
  "GET /api/notes": ZNotes,
  "POST /api/notes": ZNote,
  "PATCH /api/notes/[id]": ZNote,
  "POST /api/notes/tickets": ZNotes,
  "GET /api/notifications": ZNotificationList,
  "POST /api/notifications/read": ZNotificationList,
  "GET /api/operations": ZOperationPage,
  "GET /api/operations/[id]": ZOperationDetail,
  "GET /api/operations/[id]/beneficiaries": ZBeneficiaryLinks,
  "PATCH /api/operations/[id]": ZOperationWrite,
  "POST /api/operations/[id]/cancel": ZOperationWrite,
  "POST /api/operations/[id]/decision": ZOperationWrite,
  "GET /api/operations/[id]/evidence": ZEvidence, // a JSON file download
  "GET /api/operations/[id]/recovery": ZSafeToRetry,
  "POST /api/operations/[id]/recovery": ZRecoveryOutcome,
  "POST /api/operations/[id]/reveal": ZBeneficiaryReveal,
  "GET /api/operations/[id]/timeline": ZTimeline,
  "GET /api/operations/export": { notJson: "CSV download" },
  "POST /api/operations/payouts": ZOperationWrite,
  "GET /api/operations/preview": ZPreview,
  "POST /api/operations/transfers": ZOperationWrite,
  "GET /api/overview": ZOverview,
  "GET /api/policy": ZPolicy,
  "PUT /api/policy": ZPolicy,
  "GET /api/readiness": ZReadinessReport,
  "GET /api/ready": ZReady,
  "GET /api/reconciliation/findings": ZFindingPage,
  "POST /api/reconciliation/findings/[id]/resolve": ZFindingChange,
  "GET /api/reconciliation/runs": ZRunList,
  "POST /api/reconciliation/runs": ZRunResult,
  "GET /api/requests": ZRequestPage,
  "GET /api/requests/[requestId]": ZRequestDetail,
  "GET /api/requests/export": { notJson: "CSV download" },
  "GET /api/search": ZSearchResult,
  "GET /api/users": ZUserList,
  "POST /api/users": ZNewUser,
  "PATCH /api/users/[id]": ZUserChange,
  "POST /api/users/[id]/reset-password": ZPasswordReset,
  "GET /api/views": ZViewList,
  "POST /api/views": ZViewList,
  "DELETE /api/views/[id]": ZViewList,
  "GET /api/webhooks/events": ZWebhookPage,
  "GET /api/webhooks/events/[id]": ZWebhookDetail,
  "POST /api/webhooks/events/[id]/reprocess": ZReprocessOutcome,
  "POST /api/webhooks/events/[id]/reveal": ZWebhookReveal,
  "POST /api/webhooks/mono": ZWebhookReceipt,
  "GET /api/webhooks/summary": ZWebhookSummary,
};
