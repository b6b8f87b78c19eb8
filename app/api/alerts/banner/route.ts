import { withApi } from "@/lib/api/with-api";
import { openCriticalAlerts } from "@/lib/alerts/list-alerts";

// Polled by the banner on every console page.
export const GET = withApi({ permission: "alerts.read" }, async () => openCriticalAlerts());
