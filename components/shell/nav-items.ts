import type { TPermission } from "@/lib/auth/permissions";

// `key` names the label in the shell catalogue (messages/<locale>/shell.json, nav.<key>).
export type TNavItem = { href: string; key: string; permission: TPermission; icon: string };

// The console's sections. Each is shown only to roles that hold its permission; the page and
// its API check the same permission again on the server.
export const NAV_ITEMS: TNavItem[] = [
  { href: "/overview", key: "overview", permission: "overview.read", icon: "gauge" },
  { href: "/payouts", key: "payouts", permission: "operations.read", icon: "banknote" },
  {
    href: "/transfers",
    key: "transfers",
    permission: "operations.read",
    icon: "arrow-left-right",
  },
  { href: "/approvals", key: "approvals", permission: "payouts.approve", icon: "check-check" },
  { href: "/requests", key: "requests", permission: "requests.read", icon: "list-tree" },
  { href: "/webhooks", key: "webhooks", permission: "webhooks.read", icon: "webhook" },
  {
    href: "/reconciliation",
    key: "reconciliation",
    permission: "reconciliation.read",
    icon: "scale",
  },
  { href: "/alerts", key: "alerts", permission: "alerts.read", icon: "bell" },
  { href: "/audit", key: "audit", permission: "audit.read", icon: "scroll-text" },
  { href: "/users", key: "users", permission: "users.manage", icon: "users" },
  { href: "/readiness", key: "readiness", permission: "settings.read", icon: "list-checks" },
  { href: "/settings", key: "settings", permission: "settings.read", icon: "settings" },
];
