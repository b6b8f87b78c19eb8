import { afterEach, describe, expect, it, vi } from "vitest";
import { encode } from "next-auth/jwt";

// The spy sees every real decryption: the cache must save them for a valid token and never keep
// a failure or an expired token.
vi.mock("next-auth/jwt", async (importOriginal) => {
  const real = await importOriginal<typeof import("next-auth/jwt")>();
  return { ...real, decode: vi.fn(real.decode) };
});
const { decode } = await import("next-auth/jwt");
const { decodeSession } = await import("@/lib/auth/decode-session");

const secret = "unit-test-secret-unit-test-secret-0001";

afterEach(() => {
  vi.mocked(decode).mockClear();
  vi.useRealTimers();
});

describe("decodeSession", () => {
  it("decrypts a token once and serves the same payload for a minute, then decrypts again", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-22T12:00:00Z"));
    const token = await encode({ token: { sub: "usr_1", sv: 3 }, secret, maxAge: 8 * 3600 });
    const a = await decodeSession({ token, secret });
    const b = await decodeSession({ token, secret });
    expect(a?.sub).toBe("usr_1");
    expect(b).toEqual(a);
    expect(decode).toHaveBeenCalledTimes(1);
    vi.setSystemTime(new Date("2026-11-22T12:01:01Z"));
    expect((await decodeSession({ token, secret }))?.sv).toBe(3);
    expect(decode).toHaveBeenCalledTimes(2);
  });

  it("never serves a token past its expiry, even inside the minute", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(new Date("2026-11-22T12:00:00Z"));
    const token = await encode({ token: { sub: "usr_2", sv: 1 }, secret, maxAge: 20 });
    expect((await decodeSession({ token, secret }))?.sub).toBe("usr_2");
    vi.setSystemTime(new Date("2026-11-22T12:00:40Z")); // past exp + next-auth's 15 s tolerance
    await expect(decodeSession({ token, secret })).rejects.toThrow();
    expect(decode).toHaveBeenCalledTimes(2);
  });

  it("does not cache a token that fails to decrypt", async () => {
    const token = await encode({ token: { sub: "usr_3", sv: 1 }, secret, maxAge: 3600 });
    await expect(decodeSession({ token, secret: `${secret}-other` })).rejects.toThrow();
    await expect(decodeSession({ token: `${token}x`, secret })).rejects.toThrow();
    expect(decode).toHaveBeenCalledTimes(2);
    expect((await decodeSession({ token, secret }))?.sub).toBe("usr_3");
    // Cached for its own secret only.
    await expect(decodeSession({ token, secret: `${secret}-other` })).rejects.toThrow();
  });
});
