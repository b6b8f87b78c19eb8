import { withApi } from "@/lib/api/with-api";
import { ZRevealInput } from "@/lib/api/resources/reveal";
import { ZWebhookIdParams } from "@/lib/webhooks/list-query";
import { revealWebhookEvent } from "@/lib/webhooks/reveal-event";

// Webhook bodies are answered masked everywhere; the raw bytes need a reason, audited.
export const POST = withApi(
  { permission: "pii.reveal", params: ZWebhookIdParams, body: ZRevealInput },
  async ({ params, body, audit }) => revealWebhookEvent(params.id, body.reason, audit),
);
