import type { TPermission } from "@/lib/auth/permissions";

export type TNavItem = { href: string; label: string; permission: TPermission; icon: string };

// The console's sections. Each is shown only to roles that hold its permission; the page and
// its API check the same permission again on the server.
export const NAV_ITEMS: TNavItem[] = [
  { href: "/overview", label: "Overview", permission: "overview.read", icon: "gauge" },
  { href: "/payouts", label: "Payouts", permission: "operations.read", icon: "banknote" },
  {
    href: "/transfers",
    label: "Transfers",
    permission: "operations.read",
    icon: "arrow-left-right",
  },
  { href: "/approvals", label: "Approvals", permission: "payouts.approve", icon: "check-check" },
  { href: "/requests", label: "Requests", permission: "requests.read", icon: "list-tree" },
  { href: "/webhooks", label: "Webhooks", permission: "webhooks.read", icon: "webhook" },
  {
    href: "/reconciliation",
    label: "Reconciliation",
    permission: "reconciliation.read",
    icon: "scale",
  },
  { href: "/alerts", label: "Alerts", permission: "alerts.read", icon: "bell" },
  { href: "/audit", label: "Audit", permission: "audit.read", icon: "scroll-text" },
  { href: "/users", label: "Users", permission: "users.manage", icon: "users" },
  { href: "/readiness", label: "Readiness", permission: "settings.read", icon: "list-checks" },
  { href: "/settings", label: "Settings", permission: "settings.read", icon: "settings" },
];
