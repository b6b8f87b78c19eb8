import { z } from "zod";
import { withApi } from "@/lib/api/with-api";
import { presentNotifications } from "@/lib/api/resources/notification";
import { markRead } from "@/lib/notifications/list";
import { localeOfRequest } from "@/i18n/locales";

const ZRead = z.union([
  z.strictObject({ all: z.literal(true) }),
  z.strictObject({
    ids: z
      .array(z.string().regex(/^ntf_[0-9a-f]{32}$/))
      .min(1)
      .max(100),
  }),
]);

// Marks my notifications read (the ones named, or all); only ever my own.
export const POST = withApi(
  { permission: "notifications.read", body: ZRead },
  async ({ user, body, req }) =>
    presentNotifications(
      await markRead(user.id, "all" in body ? "all" : body.ids, localeOfRequest(req)),
    ),
);
