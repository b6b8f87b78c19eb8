import { beforeAll, describe, expect, it } from "vitest";
import { createHash, randomBytes } from "node:crypto";
import NextAuth from "next-auth";
import { decode, encode, type JWT } from "next-auth/jwt";
import { db } from "@/lib/db";
import { authOptions } from "@/lib/auth/auth-options";
import * as bannerRoute from "@/app/api/alerts/banner/route";
import * as signOutRoute from "@/app/api/auth/sign-out/route";
import { makeUser } from "@/prisma/factories";
import { callRoute } from "@/tests/support/route";

// Sessions are exercised through next-auth's own request handler (the code behind
// /api/auth/[...nextauth]): sign-in with the credentials provider, sign-out with its CSRF token.
const COOKIE = "next-auth.session-token";
let secret = "";

beforeAll(() => {
  secret = process.env.NEXTAUTH_SECRET!;
  // next-auth takes its own URL from the Host header only when told to trust it.
  process.env.AUTH_TRUST_HOST = "1";
});

type TAuthAnswer = { status: number; cookies: Record<string, string> };

// next-auth's handler in its pages-API form (request and response objects), which runs the same
// core as the App Router route without needing Next's request scope.
async function nextAuth(
  action: string,
  form: Record<string, string>,
  cookie = "",
): Promise<TAuthAnswer> {
  const csrf = randomBytes(32).toString("hex");
  const hash = createHash("sha256").update(`${csrf}${secret}`).digest("hex");
  const cookies: Record<string, string> = { "next-auth.csrf-token": `${csrf}|${hash}` };
  if (cookie) cookies[cookie.split("=")[0]] = cookie.slice(cookie.indexOf("=") + 1);
  const setCookies: string[] = [];
  const answer = { status: 200 };
  const res = {
    status(code: number) {
      answer.status = code;
      return res;
    },
    setHeader(name: string, value: string | string[]) {
      if (name.toLowerCase() === "set-cookie")
        setCookies.splice(0, setCookies.length, ...([] as string[]).concat(value));
      return res;
    },
    getHeader: (name: string) => (name.toLowerCase() === "set-cookie" ? setCookies : undefined),
    end: () => undefined,
    json: () => undefined,
    send: () => undefined,
  };
  await (NextAuth as unknown as (req: unknown, res: unknown, o: unknown) => Promise<void>)(
    {
      method: "POST",
      query: { nextauth: action.split("/") },
      body: { ...form, csrfToken: csrf },
      cookies,
      headers: { host: "localhost:3000", "x-forwarded-proto": "http" },
    },
    res,
    authOptions,
  );
  const out: Record<string, string> = {};
  for (const c of setCookies) {
    const [pair] = c.split(";");
    out[pair.slice(0, pair.indexOf("="))] = decodeURIComponent(pair.slice(pair.indexOf("=") + 1));
  }
  return { status: answer.status, cookies: out };
}

async function signIn(email: string, password: string): Promise<string> {
  const r = await nextAuth("callback/credentials", { email, password, json: "true" });
  const value = r.cookies[COOKIE];
  if (!value) throw new Error(`no session cookie: ${JSON.stringify(r)}`);
  return `${COOKIE}=${value}`;
}

const read = async (cookie: string) =>
  (await callRoute(bannerRoute.GET, { headers: { cookie } })).status;

const tokenOf = (cookie: string) => decode({ token: cookie.split("=")[1], secret });

describe("sessions end on the server", () => {
  it("signing in mints a session id; signing out refuses that cookie from the next request on, and the user's other session goes on", async () => {
    const { user, password } = await makeUser({ role: "viewer" });
    const a = await signIn(user.email, password);
    const b = await signIn(user.email, password);
    const [ta, tb] = [(await tokenOf(a))!, (await tokenOf(b))!];
    expect(ta.sid).toMatch(/^ses_[0-9a-f]{32}$/);
    expect(tb.sid).not.toBe(ta.sid);
    expect([await read(a), await read(b)]).toEqual([200, 200]);

    const out = await nextAuth("signout", {}, a);
    expect(out.cookies[COOKIE]).toBe(""); // the browser's copy goes
    // A copy of cookie `a` taken before signing out is refused now …
    const refused = await callRoute(bannerRoute.GET, { headers: { cookie: a } });
    expect([refused.status, refused.json.code]).toEqual([401, "unauthenticated"]);
    // … while the same user's other session still works.
    expect(await read(b)).toBe(200);
    expect(await db.revokedSession.findUnique({ where: { id: ta.sid! } })).toMatchObject({
      userId: user.id,
    });
    const logout = await db.auditEvent.findFirst({
      where: { targetId: user.id, action: "auth.logout" },
    });
    expect(logout?.details).toEqual({ scope: "session" });
  });

  it("a signed-out session cannot be refreshed into a new cookie", async () => {
    const { user, password } = await makeUser({ role: "viewer" });
    const a = await signIn(user.email, password);
    const token = (await tokenOf(a))!;
    // The refresh path (GET /api/auth/session) runs the jwt callback on the decoded token.
    const refresh = (t: JWT) => authOptions.callbacks!.jwt!({ token: t } as never);
    await expect(refresh(token)).resolves.toMatchObject({ sid: token.sid });
    await nextAuth("signout", {}, a);
    await expect(refresh(token)).rejects.toThrow();
  });

  it("POST /api/auth/sign-out ends this session only, or every session with everywhere: true", async () => {
    const { user, password } = await makeUser({ role: "operator" });
    const [a, b, c] = [
      await signIn(user.email, password),
      await signIn(user.email, password),
      await signIn(user.email, password),
    ];
    const one = await callRoute(signOutRoute.POST, {
      method: "POST",
      headers: { cookie: a },
      body: { everywhere: false },
    });
    expect(one.status).toBe(200);
    expect([await read(a), await read(b), await read(c)]).toEqual([401, 200, 200]);

    const all = await callRoute(signOutRoute.POST, {
      method: "POST",
      headers: { cookie: b },
      body: { everywhere: true },
    });
    expect(all.status).toBe(200);
    expect([await read(a), await read(b), await read(c)]).toEqual([401, 401, 401]);
    // A fresh sign-in works again.
    expect(await read(await signIn(user.email, password))).toBe(200);
    const scopes = (
      await db.auditEvent.findMany({
        where: { targetId: user.id, action: "auth.logout" },
        orderBy: { seq: "asc" },
      })
    ).map((e) => (e.details as { scope: string }).scope);
    expect(scopes).toEqual(["session", "everywhere"]);
  });

  it("a token without a session id (it could not be signed out) is refused", async () => {
    const { user } = await makeUser({ role: "viewer" });
    const jwt = await encode({
      token: { sub: user.id, sv: user.sessionVersion, role: user.role, email: user.email },
      secret,
    });
    expect(await read(`${COOKIE}=${jwt}`)).toBe(401);
  });
});
