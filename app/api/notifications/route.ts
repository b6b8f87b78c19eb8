import { withApi } from "@/lib/api/with-api";
import { presentNotifications } from "@/lib/api/resources/notification";
import { myNotifications } from "@/lib/notifications/list";
import { localeOfRequest } from "@/i18n/locales";

// My notifications: approvals waiting for me, decisions on my operations, critical alerts; worded
// in my language (the console's language cookie, else the browser's).
export const GET = withApi({ permission: "notifications.read" }, async ({ user, req }) =>
  presentNotifications(await myNotifications(user.id, localeOfRequest(req))),
);
