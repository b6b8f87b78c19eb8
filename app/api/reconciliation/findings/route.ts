import { withApi } from "@/lib/api/with-api";
import { listFindings } from "@/lib/reconcile/list-findings";
import { ZFindingListQuery } from "@/lib/reconcile/list-query";

export const GET = withApi(
  { permission: "reconciliation.read", query: ZFindingListQuery },
  async ({ query }) => listFindings(query),
);
