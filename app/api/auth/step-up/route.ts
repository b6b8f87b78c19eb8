import { z } from "zod";
import { withApi } from "@/lib/api/with-api";
import { presentStepUp } from "@/lib/api/resources/session";
import { stepUp } from "@/lib/auth/step-up";

export const POST = withApi(
  { permission: "payouts.approve", body: z.strictObject({ password: z.string().min(1).max(200) }) },
  async ({ body, user, audit }) => presentStepUp(await stepUp(user, body.password, audit)),
);
