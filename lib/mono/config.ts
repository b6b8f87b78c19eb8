import "server-only";
import { REQUIRED_IN_PRODUCTION, type TEnv } from "@/lib/env-schema";
import { MonoConfigError } from "./errors";

// Which Mono the console talks to, resolved from the validated environment. Sandbox and production
// read distinct variables (docs/DESIGN.md P8), so a sandbox key can never be sent to production.

export type TMonoEnvironment = "sandbox" | "production";

export type TMonoConfig = {
  environment: TMonoEnvironment;
  baseUrl: string;
  apiKey: string;
  batchApiKey: string | null;
  keyIssuedAt: string | null; // YYYY-MM-DD, for the 90-day rotation warning
  timeouts: { connectMs: number; responseMs: number; totalMs: number };
  maxInFlight: number;
  maxInFlightBatch: number;
  requestLogRetentionDays: number;
};

export function monoConfigFromEnv(env: TEnv): TMonoConfig {
  const prod = env.MONO_ENV === "production";
  const problems: string[] = [];
  if (prod) {
    // readEnv already refuses to start without these; repeated here so a client built from a
    // hand-made TEnv (tests, scripts) cannot slip through with production and half a config.
    const monoRequired = REQUIRED_IN_PRODUCTION.filter((n) => n.startsWith("MONO_PRODUCTION_"));
    for (const name of monoRequired)
      if (!env[name]) problems.push(`${name} is required when MONO_ENV=production`);
  } else if (!env.MONO_SANDBOX_API_KEY) {
    problems.push("MONO_SANDBOX_API_KEY is required when MONO_ENV=sandbox");
  }
  if (problems.length > 0) throw new MonoConfigError(problems);

  const maxInFlight = env.MONO_MAX_IN_FLIGHT;
  return {
    environment: prod ? "production" : "sandbox",
    baseUrl: (prod ? env.MONO_PRODUCTION_BASE_URL : env.MONO_SANDBOX_BASE_URL) ?? "",
    apiKey: (prod ? env.MONO_PRODUCTION_API_KEY : env.MONO_SANDBOX_API_KEY) ?? "",
    batchApiKey:
      (prod ? env.MONO_PRODUCTION_BATCH_API_KEY : env.MONO_SANDBOX_BATCH_API_KEY) ?? null,
    keyIssuedAt:
      (prod ? env.MONO_PRODUCTION_KEY_ISSUED_AT : env.MONO_SANDBOX_KEY_ISSUED_AT) ?? null,
    timeouts: {
      connectMs: env.MONO_TIMEOUT_CONNECT_MS,
      responseMs: env.MONO_TIMEOUT_RESPONSE_MS,
      totalMs: env.MONO_TIMEOUT_TOTAL_MS,
    },
    maxInFlight,
    maxInFlightBatch: Math.min(
      maxInFlight,
      env.MONO_MAX_IN_FLIGHT_BATCH ?? Math.max(1, Math.floor(maxInFlight / 2)),
    ),
    requestLogRetentionDays: env.MONO_REQUEST_LOG_RETENTION_DAYS,
  };
}

/**
 * Whole days since the key was issued (null when unknown): warn at 80, rotate by 90
 * (docs/DESIGN.md P10).
 */
export function keyAgeDays(issuedAt: string | null, now: Date = new Date()): number | null {
  if (!issuedAt) return null;
  const at = Date.parse(`${issuedAt}T00:00:00Z`);
  if (Number.isNaN(at)) return null;
  return Math.max(0, Math.floor((now.getTime() - at) / 86_400_000));
}

export const KEY_AGE_WARN_DAYS = 80;
export const KEY_AGE_MAX_DAYS = 90;
