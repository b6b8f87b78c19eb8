import { withApi } from "@/lib/api/with-api";
import { presentWebhookSummary } from "@/lib/api/resources/webhook";
import { webhookSummary } from "@/lib/webhooks/list-events";

export const GET = withApi({ permission: "webhooks.read" }, async () =>
  presentWebhookSummary(await webhookSummary()),
);
