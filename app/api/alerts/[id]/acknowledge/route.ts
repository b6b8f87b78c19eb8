import { withApi } from "@/lib/api/with-api";
import { presentAlertChange } from "@/lib/api/resources/alert";
import { acknowledgeAlert } from "@/lib/alerts/change-alert-state";
import { ZAlertIdParams } from "@/lib/alerts/list-alerts";

export const POST = withApi(
  { permission: "alerts.manage", params: ZAlertIdParams },
  async ({ params, user, audit }) =>
    presentAlertChange(
      await acknowledgeAlert(params.id, { id: user.id, email: user.email }, audit),
    ),
);
