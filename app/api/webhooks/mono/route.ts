import { NextResponse } from "next/server";
import { withApi } from "@/lib/api/with-api";
import { presentWebhookReceipt } from "@/lib/api/resources/webhook";
import { receiveWebhook } from "@/lib/webhooks/receive-webhook";

// Mono → console. Public (Mono has no session); authenticated by Mono-Signature instead. No body
// schema on purpose: the receiver must read the raw bytes itself (the signature covers them).
export const POST = withApi({ permission: "public" }, async ({ req, log }) => {
  const ip = req.headers.get("x-forwarded-for")?.split(",")[0]?.trim() ?? null;
  return NextResponse.json(presentWebhookReceipt(await receiveWebhook(req, { ip, log })), {
    status: 200,
  });
});
