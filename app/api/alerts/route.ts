import { withApi } from "@/lib/api/with-api";
import { listAlerts, ZAlertListQuery } from "@/lib/alerts/list-alerts";

export const GET = withApi(
  { permission: "alerts.read", query: ZAlertListQuery },
  async ({ query }) => listAlerts(query),
);
