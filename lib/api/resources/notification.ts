import { z } from "zod";
import { present, ZIso } from "./wire";

// The header's bell (GET /api/notifications, POST /api/notifications/read): my latest
// notifications, already worded (lib/notifications/render.ts), and how many are unread.
export const ZNotificationList = z.object({
  unread: z.number().int(),
  items: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(["approval_waiting", "decision", "critical_alert"]),
      title: z.string(),
      body: z.string().nullable(),
      href: z.string(),
      createdAt: ZIso,
      readAt: ZIso.nullable(),
    }),
  ),
});
export type TNotificationList = z.infer<typeof ZNotificationList>;

export function presentNotifications(v: unknown): TNotificationList {
  return present(ZNotificationList, v);
}
