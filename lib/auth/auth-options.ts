import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { env } from "../env";
import { db } from "../db";
import { recordAudit } from "../audit/record-audit";
import { signInWithPassword } from "./sign-in";
import { isRole } from "./permissions";
import { userFromToken } from "./current-user";
import { newSessionId, revokeSession, SESSION_IDLE_SECONDS, SID_RE } from "./sessions";

export { SESSION_IDLE_SECONDS };

const ZCredentials = z.object({
  email: z.string().email().max(320),
  password: z.string().min(1).max(200),
});

function headerOf(
  req: { headers?: Record<string, unknown> } | undefined,
  name: string,
): string | null {
  const v = req?.headers?.[name];
  return typeof v === "string" ? v.slice(0, 300) : null;
}

// The OIDC provider is on only when all three variables are set. Users must already exist
// (created by an admin) and be active: single sign-on never creates accounts by itself.
function oidcProvider(): NextAuthOptions["providers"] {
  if (!env.OIDC_ISSUER || !env.OIDC_CLIENT_ID || !env.OIDC_CLIENT_SECRET) return [];
  return [
    {
      id: "oidc",
      name: env.OIDC_NAME,
      type: "oauth",
      wellKnown: `${env.OIDC_ISSUER.replace(/\/$/, "")}/.well-known/openid-configuration`,
      clientId: env.OIDC_CLIENT_ID,
      clientSecret: env.OIDC_CLIENT_SECRET,
      authorization: { params: { scope: "openid email profile" } },
      idToken: true,
      checks: ["pkce", "state"],
      profile(p: { sub: string; email?: string; name?: string }) {
        return { id: p.sub, email: p.email ?? null, name: p.name ?? p.email ?? p.sub };
      },
    },
  ];
}

export const oidcEnabled = () => oidcProvider().length > 0;

export const authOptions: NextAuthOptions = {
  secret: env.NEXTAUTH_SECRET,
  session: { strategy: "jwt", maxAge: SESSION_IDLE_SECONDS, updateAge: 5 * 60 },
  jwt: { maxAge: SESSION_IDLE_SECONDS },
  pages: { signIn: "/login", error: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
      },
      async authorize(raw, req) {
        const parsed = ZCredentials.safeParse(raw);
        if (!parsed.success) throw new Error("invalid");
        const ctx = {
          ip: headerOf(req, "x-forwarded-for")?.split(",")[0]?.trim() ?? null,
          userAgent: headerOf(req, "user-agent"),
        };
        const result = await signInWithPassword(parsed.data.email, parsed.data.password, ctx);
        // The message becomes the `error` the sign-in form shows ("invalid" | "locked" | "disabled").
        if (!result.ok) throw new Error(result.reason);
        return { ...result.user, id: result.user.id };
      },
    }),
    ...oidcProvider(),
  ],
  callbacks: {
    async signIn({ user, account }) {
      if (account?.provider !== "oidc") return true;
      const email = user.email?.toLowerCase();
      const existing = email ? await db.user.findUnique({ where: { email } }) : null;
      if (!existing || !existing.active) {
        await recordAudit({
          action: "auth.login_failed",
          details: { reason: "sso_unknown_or_disabled", method: "oidc" },
          ctx: { actorEmail: email ?? null },
        });
        return false;
      }
      await db.user.update({ where: { id: existing.id }, data: { lastLoginAt: new Date() } });
      await recordAudit({
        action: "auth.login",
        target: { type: "user", id: existing.id },
        details: { method: "oidc" },
        ctx: { actorId: existing.id, actorEmail: email },
      });
      return true;
    },
    async jwt({ token, user, account }) {
      if (user) {
        // On sign-in only: bind the token to the user's current session version.
        const row = await db.user.findUnique({
          where: { email: (user.email ?? "").toLowerCase() },
        });
        if (row) {
          token.sub = row.id;
          token.sv = row.sessionVersion;
          token.role = row.role;
          token.name = row.name;
          token.email = row.email;
          token.provider = account?.provider ?? "credentials";
          // This session's id: kept by every refresh, revoked by signing out.
          token.sid = newSessionId();
        }
        return token;
      }
      // A refresh (the console asks every 5 minutes): a session that was signed out, or whose
      // user was disabled or changed since, is not extended. Throwing makes next-auth clear the
      // cookie instead of re-issuing it.
      if (!(await userFromToken(token))) throw new Error("The session has ended");
      return token;
    },
    async session({ session, token }) {
      session.user = {
        id: token.sub ?? "",
        name: token.name ?? "",
        email: token.email ?? "",
        role: isRole(token.role) ? token.role : "viewer",
      };
      return session;
    },
  },
  events: {
    // The browser's "Sign out" (next-auth's signout endpoint, behind its CSRF token): this
    // session ends on the server too, so a copy of its cookie is refused from now on. The
    // user's other sessions go on ("Sign out everywhere" is POST /api/auth/sign-out).
    async signOut({ token }) {
      if (!token?.sub) return;
      if (typeof token.sid === "string" && SID_RE.test(token.sid))
        await revokeSession(token.sid, token.sub);
      await recordAudit({
        action: "auth.logout",
        target: { type: "user", id: token.sub },
        details: { scope: "session" },
        ctx: { actorId: token.sub, actorEmail: token.email ?? null },
      });
    },
  },
};
