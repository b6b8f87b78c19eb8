import { describe, expect, it, vi } from "vitest";
import { MonoApiError, MonoCircuitOpenError, MonoError, MonoNetworkError } from "@/lib/mono/errors";
import { mapUnknownError } from "@/lib/api/map-error";

// Found by the chaos suite against `next start`: the production build compiles route handlers and
// instrumentation (the jobs) into separate bundles, each with its own copy of lib/mono/errors.ts,
// while the Mono client is one process-wide singleton (globalThis). An error thrown by the client
// that another bundle created failed `instanceof` in the route's bundle: a breaker-open balance
// check became a 500 internal_error instead of 503, and the write path's recordFailure could not
// tell a 4xx refusal or a 409 "key in use" from an unknown outcome. A second module instance
// stands in for the second bundle.
describe("Mono errors from another bundle's copy of the classes", () => {
  it("are still recognised by instanceof and mapped to their meaning", async () => {
    vi.resetModules();
    const other = (await import("@/lib/mono/errors")) as typeof import("@/lib/mono/errors");
    expect(other.MonoCircuitOpenError).not.toBe(MonoCircuitOpenError); // really another copy
    const open = new other.MonoCircuitOpenError();
    expect(open instanceof MonoCircuitOpenError).toBe(true);
    expect(open instanceof MonoError).toBe(true);
    expect(open instanceof MonoApiError).toBe(false);
    expect(mapUnknownError(open).status).toBe(503);
    const api = new other.MonoApiError(422, "invalid_amount", "bad", null, "log_x", [], null);
    expect(api instanceof MonoApiError).toBe(true);
    expect(api instanceof MonoNetworkError).toBe(false);
    expect(new Error("x") instanceof MonoError).toBe(false);
    expect({ name: "MonoApiError" } instanceof MonoApiError).toBe(false);
  });
});
