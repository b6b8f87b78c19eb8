import { z } from "zod";
import { withApi } from "@/lib/api/with-api";
import { presentAlertChange } from "@/lib/api/resources/alert";
import { resolveAlert } from "@/lib/alerts/change-alert-state";
import { ZAlertIdParams } from "@/lib/alerts/list-alerts";

// Send `{}` or `{"note": "…"}`: the note lands in the audit trail.
const ZResolveBody = z.object({ note: z.string().trim().max(500).optional() }).strict();

export const POST = withApi(
  { permission: "alerts.manage", params: ZAlertIdParams, body: ZResolveBody },
  async ({ params, body, user, audit }) =>
    presentAlertChange(
      await resolveAlert(
        params.id,
        { id: user.id, email: user.email },
        audit,
        body.note || undefined,
      ),
    ),
);
