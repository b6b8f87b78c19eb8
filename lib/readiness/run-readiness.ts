import "server-only";
import { env as defaultEnv, type TEnv } from "../env";
import { getMonoClient, keyAgeDays, monoConfigFromEnv } from "../mono";
import { checkEnv } from "./check-env";
import { checkKeyAge, checkMigrations, checkWebhookSecret } from "./check-local";
import { checkClockSkew, checkMono, type TReadinessClient } from "./check-mono";
import { describeMonoError } from "./describe-error";
import type { TCheck, TReadinessReport } from "./types";
import { CHECK_TITLES, detailOf, type TCheckId } from "./words";

// The pre-launch checks (docs/DESIGN.md P27), for the Readiness page and `npm run preflight`.
// Never throws: every problem becomes a failed check with its fix.

function unconfigured(err: unknown): TCheck[] {
  const skip = (id: TCheckId): TCheck => ({
    id,
    title: CHECK_TITLES[id],
    status: "skip",
    ...detailOf("notRunUnconfigured"),
  });
  return [
    {
      id: "credentials",
      title: CHECK_TITLES.credentials,
      status: "fail",
      ...describeMonoError(err),
    },
    skip("balances"),
    skip("banks"),
  ];
}

function issuedAtOf(env: TEnv): string | null {
  try {
    return monoConfigFromEnv(env).keyIssuedAt;
  } catch {
    return null;
  }
}

export async function runReadiness(
  o: { env?: TEnv; client?: TReadinessClient; now?: Date } = {},
): Promise<TReadinessReport> {
  const env = o.env ?? defaultEnv;
  const now = o.now ?? new Date();
  let mono: { checks: TCheck[]; traceId: string | null };
  try {
    mono = await checkMono(o.client ?? getMonoClient());
  } catch (err) {
    mono = { checks: unconfigured(err), traceId: null };
  }
  const checks = [
    checkEnv(env),
    ...mono.checks,
    checkWebhookSecret(env, Math.floor(now.getTime() / 1000)),
    await checkClockSkew(mono.traceId),
    checkKeyAge(keyAgeDays(issuedAtOf(env), now)),
    await checkMigrations(),
  ];
  return {
    environment: env.MONO_ENV,
    at: now.toISOString(),
    ok: checks.every((c) => c.status !== "fail"),
    checks,
  };
}
