import { withApi } from "@/lib/api/with-api";
import { webhookSummary } from "@/lib/webhooks/list-events";

export const GET = withApi({ permission: "webhooks.read" }, async () => webhookSummary());
