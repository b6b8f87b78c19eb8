import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import type { TCurrentUser } from "../auth/current-user";
import { faultPoint } from "../faults/fault-point";
import {
  claimInboundRequest,
  completeInboundRequest,
  readIdempotencyKey,
  releaseInboundRequest,
  requestHashOf,
  type TInbound,
} from "./idempotency";
import { mapUnknownError } from "./map-error";
import { problemBody } from "./problem";

/** What an idempotent route does with a key already bound to an operation: resume, then answer. */
export type TResume = (operationId: string) => Promise<Response>;

// Wraps one handler run in the Idempotency-Key protocol: a stored answer is replayed with
// `Idempotent-Replayed: true`; a key bound to an operation whose first run never stored an answer
// (crash, expired lease, 5xx) resumes that operation instead of running the handler again;
// 2xx and 4xx answers are stored; a 5xx releases a key that created nothing.
export async function runIdempotent(
  o: { req: NextRequest; user: TCurrentUser; body: unknown; requestId: string; resume: TResume },
  execute: (inbound: TInbound) => Promise<Response>,
): Promise<Response> {
  const key = readIdempotencyKey(o.req.headers.get("idempotency-key"));
  const route = `${o.req.method} ${o.req.nextUrl.pathname}`;
  const claim = await claimInboundRequest({
    userId: o.user.id,
    key,
    route,
    requestHash: requestHashOf(route, o.body),
  });
  if (claim.kind === "replay") {
    const res = NextResponse.json(claim.body, { status: claim.status });
    res.headers.set("idempotent-replayed", "true");
    return res;
  }
  faultPoint("after_key_claim");
  const { inbound } = claim;
  let res: Response;
  try {
    res = claim.kind === "resume" ? await o.resume(claim.operationId) : await execute(inbound);
  } catch (err) {
    const appErr = mapUnknownError(err);
    if (appErr.status >= 500) {
      await releaseInboundRequest(inbound);
      throw err;
    }
    // Another request took the key over meanwhile: its answer, not ours, is the one to keep.
    if (appErr.code !== "idempotency_key_in_use")
      await completeInboundRequest(inbound, appErr.status, problemBody(appErr, o.requestId));
    throw err;
  }
  if (res.status >= 500) {
    await releaseInboundRequest(inbound);
    return res;
  }
  faultPoint("after_state_recorded");
  const text = await res.clone().text();
  await completeInboundRequest(inbound, res.status, text ? JSON.parse(text) : null);
  if (claim.kind === "resume") res.headers.set("idempotent-resumed", "true");
  return res;
}
