import { withApi } from "@/lib/api/with-api";
import { getWebhookEvent } from "@/lib/webhooks/list-events";
import { ZWebhookIdParams } from "@/lib/webhooks/list-query";

export const GET = withApi(
  { permission: "webhooks.read", params: ZWebhookIdParams },
  async ({ params }) => getWebhookEvent(params.id),
);
