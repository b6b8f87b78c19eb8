import "server-only";

// What the users API shows of a user row: every column but the password hash, which never
// leaves the database layer.
export const USER_COLUMNS = [
  "id",
  "email",
  "name",
  "role",
  "active",
  "failedLogins",
  "lockedUntil",
  "sessionVersion",
  "stepUpAt",
  "lastLoginAt",
  "createdAt",
  "updatedAt",
] as const;
