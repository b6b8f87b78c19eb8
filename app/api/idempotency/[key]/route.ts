import { z } from "zod";
import { withApi } from "@/lib/api/with-api";
import { presentKeyInspection } from "@/lib/api/resources/investigation";
import { inspectIdempotencyKey } from "@/lib/investigation/inspect-idempotency-key";

const ZParams = z.strictObject({
  key: z
    .string()
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, "a UUID")
    .transform((k) => k.toLowerCase()),
});

export const GET = withApi({ permission: "requests.read", params: ZParams }, async ({ params }) =>
  presentKeyInspection(await inspectIdempotencyKey(params.key)),
);
