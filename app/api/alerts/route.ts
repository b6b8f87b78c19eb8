import { withApi } from "@/lib/api/with-api";
import { presentAlertPage } from "@/lib/api/resources/alert";
import { listAlerts, ZAlertListQuery } from "@/lib/alerts/list-alerts";

export const GET = withApi(
  { permission: "alerts.read", query: ZAlertListQuery },
  async ({ query }) => presentAlertPage(await listAlerts(query)),
);
