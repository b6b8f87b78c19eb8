import { describe, expect, it } from "vitest";
import { EnvError, readEnv, REQUIRED_IN_PRODUCTION } from "@/lib/env-schema";

describe("environment validation", () => {
  it("runs the sandbox default with nothing configured", () => {
    const env = readEnv({});
    expect(env.MONO_ENV).toBe("sandbox");
    expect(env.MONO_TIMEOUT_CONNECT_MS).toBe(5_000);
  });

  it("in production, names every missing variable at once (no silent defaults)", () => {
    try {
      readEnv({ MONO_ENV: "production" });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(EnvError);
      for (const name of REQUIRED_IN_PRODUCTION) expect((err as EnvError).message).toContain(name);
    }
  });

  it("refuses demo users in production and malformed values anywhere", () => {
    const full = Object.fromEntries(
      REQUIRED_IN_PRODUCTION.map((n) => [
        n,
        n === "MONO_PRODUCTION_KEY_ISSUED_AT"
          ? "2026-10-01"
          : n.endsWith("URL")
            ? "https://x.example"
            : "x".repeat(40),
      ]),
    );
    expect(() => readEnv({ ...full, MONO_ENV: "production" })).not.toThrow();
    expect(() => readEnv({ ...full, MONO_ENV: "production", DEMO_USERS: "1" })).toThrow(
      /DEMO_USERS/,
    );
    // The write path's kill points exist for crash tests only: production refuses them.
    expect(() =>
      readEnv({ ...full, MONO_ENV: "production", FAULT_POINT: "after_operation_commit" }),
    ).toThrow(/FAULT_POINT/);
    expect(readEnv({ FAULT_POINT: "after_operation_commit" }).FAULT_POINT).toBe(
      "after_operation_commit",
    );
    expect(() => readEnv({ FAULT_POINT: "somewhere_else" })).toThrow(EnvError);
    expect(() => readEnv({ MONO_ENV: "staging" })).toThrow(EnvError);
    expect(() => readEnv({ MONO_TIMEOUT_CONNECT_MS: "-5" })).toThrow(EnvError);
  });

  it("treats empty strings as unset", () => {
    expect(readEnv({ DATABASE_URL: "", MONO_ENV: "" }).MONO_ENV).toBe("sandbox");
  });
});
