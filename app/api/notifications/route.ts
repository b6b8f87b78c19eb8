import { withApi } from "@/lib/api/with-api";
import { presentNotifications } from "@/lib/api/resources/notification";
import { myNotifications } from "@/lib/notifications/list";

// My notifications: approvals waiting for me, decisions on my operations, critical alerts.
export const GET = withApi({ permission: "notifications.read" }, async ({ user }) =>
  presentNotifications(await myNotifications(user.id)),
);
