import "server-only";
import {
  MonoApiError,
  MonoCircuitOpenError,
  MonoConfigError,
  MonoNetworkError,
  MonoResponseShapeError,
} from "../mono";

// A failed Mono call as a check sees it: what happened (with Mono's log_ id for support) and the
// fix an operator can act on.
export function describeMonoError(err: unknown): { detail: string; fix: string } {
  if (err instanceof MonoConfigError)
    return {
      detail: err.problems.join("; "),
      fix: "Set the Mono variables for the selected MONO_ENV.",
    };
  if (err instanceof MonoApiError) {
    const where =
      `${err.status} ${err.errorCode ?? ""}${err.logId ? ` (log ${err.logId})` : ""}`.trim();
    if (err.status === 401)
      return {
        detail: `Mono refused the API key: ${where}`,
        fix: "The key is wrong, revoked or for the other environment: set the right MONO_*_API_KEY.",
      };
    if (err.status === 403)
      return {
        detail: `The API key lacks a role: ${where}`,
        fix: "Give the key the Administrator role in Mono's dashboard (or a key that has it).",
      };
    return {
      detail: `Mono answered ${where}`,
      fix: "Retry; if it persists, open a ticket with Mono quoting the log id.",
    };
  }
  if (err instanceof MonoNetworkError)
    return {
      detail: `Network error (${err.kind}) reaching Mono`,
      fix: "Check MONO_*_BASE_URL, DNS, egress firewall and proxy settings.",
    };
  if (err instanceof MonoCircuitOpenError)
    return {
      detail: "The circuit breaker is open (recent consecutive failures)",
      fix: "Wait 30 s for the half-open probe, then run the checks again.",
    };
  if (err instanceof MonoResponseShapeError)
    return {
      detail: `Unexpected response shape (${err.issues.slice(0, 2).join("; ")})`,
      fix: "The base URL may not be Mono's API; check MONO_*_BASE_URL.",
    };
  return {
    detail: err instanceof Error ? err.message : String(err),
    fix: "See the console logs for details.",
  };
}
