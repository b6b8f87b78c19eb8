import { withApi } from "@/lib/api/with-api";
import { presentWebhookDetail } from "@/lib/api/resources/webhook";
import { getWebhookEvent } from "@/lib/webhooks/list-events";
import { ZWebhookIdParams } from "@/lib/webhooks/list-query";

export const GET = withApi(
  { permission: "webhooks.read", params: ZWebhookIdParams },
  async ({ params }) => presentWebhookDetail(await getWebhookEvent(params.id)),
);
