import { withApi } from "@/lib/api/with-api";
import { presentWebhookPage } from "@/lib/api/resources/webhook";
import { listWebhookEvents } from "@/lib/webhooks/list-events";
import { ZWebhookListQuery } from "@/lib/webhooks/list-query";

export const GET = withApi(
  { permission: "webhooks.read", query: ZWebhookListQuery },
  async ({ query }) => presentWebhookPage(await listWebhookEvents(query)),
);
