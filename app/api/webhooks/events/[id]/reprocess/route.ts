import { z } from "zod";
import { withApi } from "@/lib/api/with-api";
import { ZWebhookIdParams } from "@/lib/webhooks/list-query";
import { reprocessWebhookEvent } from "@/lib/webhooks/reprocess-event";

export const POST = withApi(
  { permission: "webhooks.reprocess", params: ZWebhookIdParams, body: z.object({}).strict() },
  async ({ params, user, audit }) => reprocessWebhookEvent(params.id, user, audit),
);
