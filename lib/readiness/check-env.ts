import { REQUIRED_IN_PRODUCTION, type TEnv } from "../env-schema";
import type { TCheck } from "./types";
import { CHECK_TITLES, detailOf, fixOf } from "./words";

// "Production host, production credentials" (docs/DESIGN.md P8, P27): everything the selected
// environment needs is set, and production does not point at a sandbox or a local host.
export function checkEnv(env: TEnv): TCheck {
  const head = { id: "env", title: CHECK_TITLES.env } as const;
  const prod = env.MONO_ENV === "production";
  const missing: string[] = prod
    ? REQUIRED_IN_PRODUCTION.filter((k) => !env[k])
    : (["MONO_SANDBOX_API_KEY", "MONO_WEBHOOK_SECRET", "NEXTAUTH_SECRET"] as const).filter(
        (k) => !env[k],
      );
  const baseUrl = (prod ? env.MONO_PRODUCTION_BASE_URL : env.MONO_SANDBOX_BASE_URL) ?? "(unset)";
  if (missing.length) {
    const vars = missing.join(", ");
    return {
      ...head,
      status: "fail",
      ...detailOf("envMissing", { env: env.MONO_ENV, vars }),
      ...fixOf("envSetMissing", { vars }),
    };
  }
  if (
    prod &&
    (!baseUrl.startsWith("https://") || /sandbox|localhost|127\.0\.0\.1/i.test(baseUrl))
  ) {
    return {
      ...head,
      status: "fail",
      ...detailOf("envProductionBaseUrl", { url: baseUrl }),
      ...fixOf("envProductionBaseUrl"),
    };
  }
  const where = { env: env.MONO_ENV, url: baseUrl };
  const variable = `MONO_${env.MONO_ENV.toUpperCase()}_KEY_ISSUED_AT`;
  const noIssuedAt = !(prod ? env.MONO_PRODUCTION_KEY_ISSUED_AT : env.MONO_SANDBOX_KEY_ISSUED_AT);
  const noBatchKey = !(prod ? env.MONO_PRODUCTION_BATCH_API_KEY : env.MONO_SANDBOX_BATCH_API_KEY);
  const warning =
    noIssuedAt && noBatchKey
      ? detailOf("envNoIssuedAtNoBatchKey", { ...where, variable })
      : noIssuedAt
        ? detailOf("envNoIssuedAt", { ...where, variable })
        : noBatchKey
          ? detailOf("envNoBatchKey", where)
          : null;
  if (warning) return { ...head, status: "warn", ...warning, ...fixOf("envSetNamed") };
  return { ...head, status: "pass", ...detailOf("envOk", where) };
}
