import { z } from "zod";
import { withApi } from "@/lib/api/with-api";
import { presentPolicy } from "@/lib/api/resources/policy";
import { getPolicy } from "@/lib/guard/get-policy";
import { updatePolicy } from "@/lib/guard/update-policy";
import { ZPolicySettings } from "@/lib/guard/policy-schema";

export const GET = withApi({ permission: "settings.read" }, async () =>
  presentPolicy(await getPolicy()),
);

const ZPolicyUpdate = z.strictObject({
  settings: ZPolicySettings,
  expectedVersion: z.number().int().nonnegative(),
  reason: z.string().trim().min(5).max(500),
});

export const PUT = withApi(
  { permission: "policy.write", body: ZPolicyUpdate },
  async ({ body, audit }) =>
    presentPolicy(
      await updatePolicy(body.settings, {
        expectedVersion: body.expectedVersion,
        reason: body.reason,
        ctx: audit,
      }),
    ),
);
