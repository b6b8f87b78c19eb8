import { withApi } from "@/lib/api/with-api";
import { presentAlertBanner } from "@/lib/api/resources/alert";
import { openCriticalAlerts } from "@/lib/alerts/list-alerts";
import { getPolicy } from "@/lib/guard/get-policy";

// Polled by the banners on every console page: open critical alerts and the kill switch.
export const GET = withApi({ permission: "alerts.read" }, async () => {
  const [alerts, policy] = await Promise.all([openCriticalAlerts(), getPolicy()]);
  return presentAlertBanner({ ...alerts, killSwitch: policy.settings.killSwitch });
});
