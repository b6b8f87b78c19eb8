import { withApi } from "@/lib/api/with-api";
import { getWebhookEvent, ZWebhookIdParams } from "@/lib/webhooks/list-events";

export const GET = withApi({ permission: "webhooks.read", params: ZWebhookIdParams }, async ({ params }) => getWebhookEvent(params.id));
