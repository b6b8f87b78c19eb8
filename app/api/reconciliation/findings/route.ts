import { withApi } from "@/lib/api/with-api";
import { listFindings, ZFindingListQuery } from "@/lib/reconcile/list-findings";

export const GET = withApi({ permission: "reconciliation.read", query: ZFindingListQuery }, async ({ query }) => listFindings(query));
