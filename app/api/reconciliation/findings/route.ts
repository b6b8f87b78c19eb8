import { withApi } from "@/lib/api/with-api";
import { presentFindingPage } from "@/lib/api/resources/reconciliation";
import { listFindings } from "@/lib/reconcile/list-findings";
import { ZFindingListQuery } from "@/lib/reconcile/list-query";

export const GET = withApi(
  { permission: "reconciliation.read", query: ZFindingListQuery },
  async ({ query }) => presentFindingPage(await listFindings(query)),
);
