import { z } from "zod";
import { withApi } from "@/lib/api/with-api";
import { presentBrebTarget } from "@/lib/api/resources/reference";
import { resolveBrebKey } from "@/lib/operations/resolve-breb-key";

const ZResolve = z.strictObject({
  sourceAccountId: z.string().regex(/^lacc_[A-Za-z0-9]{22}$/),
  key: z.string().trim().min(6).max(64),
});

// Resolves a Bre-B key to its holder, shown to the operator for confirmation before a payout.
export const POST = withApi(
  { permission: "payouts.create", body: ZResolve },
  async ({ body, log, user }) =>
    presentBrebTarget(await resolveBrebKey(body.sourceAccountId, body.key, log, user.id)),
);
