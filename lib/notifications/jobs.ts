import "server-only";
import type { TJobDef } from "../jobs/types";
import { deliverNotifications } from "./deliver";

// Outward notifications (e-mail, chat): a periodic sweep, idempotent and lease-based.
export const notificationJobs: TJobDef[] = [
  { name: "notifications.deliver", everySeconds: 10, handler: () => deliverNotifications() },
];
