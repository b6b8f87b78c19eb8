import type { Browser } from "@playwright/test";
import { signIn, type TDemoRole } from "./helpers";
import { createPayout } from "./ui-helpers";

// Every console page state the accessibility pass visits, and the roles that see it. One list, so
// another pass (a second language, a narrow viewport) can walk exactly the same pages. `path` may
// use the ids the pass creates first: {operation} (a payout waiting for approval), {request} (one
// of its requests to Mono), {key} (its idempotency key).
export type TA11yPage = { name: string; path: string; roles: readonly TDemoRole[] };

const ALL = ["viewer", "operator", "approver", "admin"] as const;
const MAKERS = ["operator", "approver", "admin"] as const;
const APPROVERS = ["approver", "admin"] as const;

export const A11Y_PAGES: readonly TA11yPage[] = [
  { name: "overview", path: "/overview", roles: ALL },
  { name: "payouts", path: "/payouts", roles: ALL },
  {
    name: "payouts filtered",
    path: "/payouts?state=pending_approval&range=24h",
    roles: ["viewer"],
  },
  { name: "new payout", path: "/payouts/new", roles: MAKERS },
  { name: "transfers", path: "/transfers", roles: ALL },
  { name: "new transfers", path: "/transfers/new", roles: MAKERS },
  { name: "operation", path: "/operations/{operation}", roles: ALL },
  {
    name: "operation timeline",
    path: "/operations/{operation}/timeline",
    roles: ["viewer", "admin"],
  },
  { name: "approvals", path: "/approvals", roles: APPROVERS },
  { name: "approvals, all pending", path: "/approvals?view=all", roles: ["approver"] },
  { name: "requests", path: "/requests", roles: ALL },
  { name: "request", path: "/requests/{request}", roles: ["viewer", "admin"] },
  { name: "idempotency key", path: "/idempotency/{key}", roles: ["viewer"] },
  { name: "search", path: "/search?q={operation}", roles: ["viewer"] },
  { name: "webhooks", path: "/webhooks", roles: ALL },
  { name: "reconciliation", path: "/reconciliation", roles: ALL },
  { name: "alerts", path: "/alerts", roles: ALL },
  { name: "audit", path: "/audit", roles: ["admin"] },
  { name: "users", path: "/users", roles: ["admin"] },
  { name: "readiness", path: "/readiness", roles: APPROVERS },
  { name: "settings", path: "/settings", roles: APPROVERS },
  { name: "forbidden", path: "/users", roles: ["viewer"] },
  { name: "unknown operation", path: "/operations/op_0000000000000000000000", roles: ["viewer"] },
];

/** The ids the page paths use: a payout waiting for approval, one of its requests, its key. */
export async function createPageIds(browser: Browser): Promise<Record<string, string>> {
  const page = await browser.newPage();
  await signIn(page, "operator");
  const operation = await createPayout(page);
  const detail = (await (await page.request.get(`/api/operations/${operation}`)).json()) as {
    operation: { idempotencyKey: string };
  };
  const log = (await (
    await page.request.get(`/api/requests?operationId=${operation}&range=15m`)
  ).json()) as { requests: { requestId: string }[] };
  await page.close();
  return {
    operation,
    key: detail.operation.idempotencyKey,
    request: log.requests[0]?.requestId ?? "req_none",
  };
}

/** A page's address with its ids filled in. */
export const pagePath = (p: TA11yPage, ids: Record<string, string>) =>
  p.path.replace(/\{(\w+)\}/g, (_, k: string) => ids[k] ?? k);
