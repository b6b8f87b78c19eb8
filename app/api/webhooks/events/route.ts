import { withApi } from "@/lib/api/with-api";
import { listWebhookEvents, ZWebhookListQuery } from "@/lib/webhooks/list-events";

export const GET = withApi({ permission: "webhooks.read", query: ZWebhookListQuery }, async ({ query }) => listWebhookEvents(query));
