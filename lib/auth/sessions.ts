import "server-only";
import { randomUUID } from "node:crypto";
import { sqlDb } from "../db";
import { recordAudit, type TAuditContext } from "../audit/record-audit";

// Sessions end after 8 hours without use (the console refreshes its token every 5 minutes).
export const SESSION_IDLE_SECONDS = 8 * 60 * 60;

// Every session token carries a session id (`sid`), minted at sign-in and kept when next-auth
// refreshes the token (the JWT's own `jti` changes on every refresh, so it cannot name a session).
// Signing out records the sid in RevokedSession; userFromToken refuses it on the very next request
// and the refresh (jwt callback) refuses to extend it.
export function newSessionId(): string {
  return `ses_${randomUUID().replace(/-/g, "")}`;
}

export const SID_RE = /^ses_[0-9a-f]{32}$/;

// A token minted before revocation expires at most SESSION_IDLE_SECONDS after it (a refresh sets
// exp = now + idle and revoked sessions are never refreshed); the margin covers a refresh that was
// already running, and clock skew.
const KEEP_MARGIN_MS = 5 * 60_000;

export async function revokeSession(sid: string, userId: string): Promise<void> {
  const now = new Date();
  const expiresAt = new Date(now.getTime() + SESSION_IDLE_SECONDS * 1000 + KEEP_MARGIN_MS);
  await sqlDb
    .insertInto("RevokedSession")
    .values({ id: sid, userId, revokedAt: now, expiresAt })
    .onConflict((oc) => oc.column("id").doNothing())
    .execute();
  await sqlDb.deleteFrom("RevokedSession").where("expiresAt", "<", now).execute();
}

// Sign-out of this session only: the user's other sessions go on.
export async function signOutSession(
  user: { id: string; sessionId: string },
  ctx: TAuditContext,
): Promise<void> {
  await revokeSession(user.sessionId, user.id);
  await recordAudit({
    action: "auth.logout",
    target: { type: "user", id: user.id },
    details: { scope: "session" },
    ctx,
  });
}

// Sign-out everywhere: the session version moves on, so every token of this user (this browser,
// other browsers, copied cookies) is refused on its next request.
export async function signOutEverywhere(
  user: { id: string; sessionId: string },
  ctx: TAuditContext,
): Promise<void> {
  await revokeSession(user.sessionId, user.id);
  await sqlDb
    .updateTable("User")
    .set((eb) => ({ sessionVersion: eb("sessionVersion", "+", 1) }))
    .where("id", "=", user.id)
    .execute();
  await recordAudit({
    action: "auth.logout",
    target: { type: "user", id: user.id },
    details: { scope: "everywhere" },
    ctx,
  });
}
