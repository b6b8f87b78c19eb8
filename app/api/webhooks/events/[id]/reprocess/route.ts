import { z } from "zod";
import { withApi } from "@/lib/api/with-api";
import { presentReprocessOutcome } from "@/lib/api/resources/webhook";
import { ZWebhookIdParams } from "@/lib/webhooks/list-query";
import { reprocessWebhookEvent } from "@/lib/webhooks/reprocess-event";

export const POST = withApi(
  { permission: "webhooks.reprocess", params: ZWebhookIdParams, body: z.object({}).strict() },
  async ({ params, user, audit }) =>
    presentReprocessOutcome(await reprocessWebhookEvent(params.id, user, audit)),
);
