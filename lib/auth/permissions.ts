// The permission matrix: the single place that says who may do what. Checked on the server by
// lib/api/with-api.ts (route handlers) and lib/auth/require-user.ts (pages). Pure data, no
// "server-only", so tests and the navigation can read it too.
export const ROLES = ["viewer", "operator", "approver", "admin"] as const;
export type TRole = (typeof ROLES)[number];

// Each permission names the lowest role that holds it; roles are ordered viewer < … < admin.
export const PERMISSIONS = {
  "session.end": "viewer", // sign out this session or everywhere (POST /api/auth/sign-out)
  "overview.read": "viewer",
  "operations.read": "viewer",
  "requests.read": "viewer",
  "webhooks.read": "viewer",
  "reconciliation.read": "viewer",
  "alerts.read": "viewer",
  "notes.read": "viewer", // notes and ticket links on operations, beneficiaries, requests, webhooks, findings
  "views.read": "viewer", // saved views of the lists: mine and the shared ones
  "views.write": "viewer", // save my own views (private or shared), delete mine
  "notifications.read": "viewer", // the header's bell: my own notifications
  "payouts.create": "operator",
  "alerts.manage": "operator",
  "reconciliation.run": "operator",
  "pii.reveal": "operator",
  "notes.write": "operator", // add and edit notes, link tickets (audited)
  "payouts.approve": "approver",
  "operations.recover": "approver", // safe-to-retry actions: retry with the same key, reconcile, mark failed
  "settings.read": "approver",
  "audit.read": "admin",
  "users.manage": "admin",
  "policy.write": "admin",
  "webhooks.reprocess": "admin",
} as const satisfies Record<string, TRole>;

export type TPermission = keyof typeof PERMISSIONS;

export function roleRank(role: TRole): number {
  return ROLES.indexOf(role);
}

export function can(role: TRole, permission: TPermission): boolean {
  return roleRank(role) >= roleRank(PERMISSIONS[permission]);
}

export function isRole(value: unknown): value is TRole {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
