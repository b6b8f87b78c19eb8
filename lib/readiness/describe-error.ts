import "server-only";
import {
  MonoApiError,
  MonoCircuitOpenError,
  MonoConfigError,
  MonoNetworkError,
  MonoResponseShapeError,
} from "../mono";
import { DEFAULT_BREAKER } from "../mono/breaker";
import { detailOf, fixOf, type TDetail, type TFix } from "./words";

// A failed Mono call as a check sees it: what happened (with Mono's log_ id for support) and the
// fix an operator can act on.

// The client's "NAME is required when MONO_ENV=env" problems, as the variables they name; null when
// any problem reads otherwise (then the problems are quoted as they are).
const REQUIRED = /^([A-Z][A-Z0-9_]*) is required when MONO_ENV=(\w+)$/;
function requiredVars(problems: string[]): { env: string; vars: string } | null {
  const found = problems.map((p) => REQUIRED.exec(p));
  if (found.length === 0 || found.some((m) => !m)) return null;
  const envs = new Set(found.map((m) => m![2]));
  if (envs.size !== 1) return null;
  return { env: [...envs][0], vars: found.map((m) => m![1]).join(", ") };
}

export function describeMonoError(err: unknown): TDetail & TFix {
  if (err instanceof MonoConfigError) {
    const required = requiredVars(err.problems);
    return {
      ...(required
        ? detailOf("monoConfigMissing", required)
        : detailOf("monoConfig", { problems: err.problems.join("; ") })),
      ...fixOf("monoConfig"),
    };
  }
  if (err instanceof MonoApiError) {
    // Identifiers only (status, Mono's error code, its log_ id), never translated.
    const where = [err.status, err.errorCode, err.logId ? `(${err.logId})` : null]
      .filter((x) => x !== null && x !== "")
      .join(" ");
    if (err.status === 401)
      return { ...detailOf("monoKeyRefused", { where }), ...fixOf("monoKeyRefused") };
    if (err.status === 403)
      return { ...detailOf("monoRoleMissing", { where }), ...fixOf("monoRoleMissing") };
    return { ...detailOf("monoAnswered", { where }), ...fixOf("monoRetry") };
  }
  if (err instanceof MonoNetworkError)
    return { ...detailOf("monoNetwork", { kind: err.kind }), ...fixOf("monoNetwork") };
  if (err instanceof MonoCircuitOpenError)
    return {
      ...detailOf("monoCircuitOpen"),
      ...fixOf("monoCircuitOpen", { waitMs: DEFAULT_BREAKER.halfOpenAfterMs }),
    };
  if (err instanceof MonoResponseShapeError)
    return {
      ...detailOf("monoShape", { issues: err.issues.slice(0, 2).join("; ") }),
      ...fixOf("monoShape"),
    };
  return {
    ...detailOf("error", { message: err instanceof Error ? err.message : String(err) }),
    ...fixOf("seeLogs"),
  };
}
