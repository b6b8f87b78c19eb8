import { REQUIRED_IN_PRODUCTION, type TEnv } from "../env-schema";
import type { TCheck } from "./types";

// "Production host, production credentials" (docs/DESIGN.md P8, P27): everything the selected
// environment needs is set, and production does not point at a sandbox or a local host.
export function checkEnv(env: TEnv): TCheck {
  const title = "Environment complete";
  const prod = env.MONO_ENV === "production";
  const missing: string[] = prod
    ? REQUIRED_IN_PRODUCTION.filter((k) => !env[k])
    : (["MONO_SANDBOX_API_KEY", "MONO_WEBHOOK_SECRET", "NEXTAUTH_SECRET"] as const).filter(
        (k) => !env[k],
      );
  const baseUrl = (prod ? env.MONO_PRODUCTION_BASE_URL : env.MONO_SANDBOX_BASE_URL) ?? "(unset)";
  if (missing.length) {
    return {
      id: "env",
      title,
      status: "fail",
      detail: `MONO_ENV=${env.MONO_ENV}; missing: ${missing.join(", ")}`,
      fix: `Set ${missing.join(", ")} in the environment (from your secrets manager, not a committed .env file).`,
    };
  }
  if (
    prod &&
    (!baseUrl.startsWith("https://") || /sandbox|localhost|127\.0\.0\.1/i.test(baseUrl))
  ) {
    return {
      id: "env",
      title,
      status: "fail",
      detail: `MONO_ENV=production but the base URL is ${baseUrl}`,
      fix: "Point MONO_PRODUCTION_BASE_URL at Mono's production HTTPS host.",
    };
  }
  const warnings = [
    ...((prod ? env.MONO_PRODUCTION_KEY_ISSUED_AT : env.MONO_SANDBOX_KEY_ISSUED_AT)
      ? []
      : [
          `MONO_${env.MONO_ENV.toUpperCase()}_KEY_ISSUED_AT is not set (key age cannot be tracked)`,
        ]),
    ...((prod ? env.MONO_PRODUCTION_BATCH_API_KEY : env.MONO_SANDBOX_BATCH_API_KEY)
      ? []
      : ["no separate batch API key: batch traffic shares the interactive key"]),
  ];
  const detail = `MONO_ENV=${env.MONO_ENV}, base URL ${baseUrl}`;
  if (warnings.length)
    return {
      id: "env",
      title,
      status: "warn",
      detail: `${detail}; ${warnings.join("; ")}`,
      fix: "Set the variables named above.",
    };
  return { id: "env", title, status: "pass", detail };
}
