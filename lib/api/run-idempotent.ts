import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import type { TCurrentUser } from "../auth/current-user";
import {
  claimInboundRequest,
  completeInboundRequest,
  readIdempotencyKey,
  releaseInboundRequest,
  requestHashOf,
} from "./idempotency";
import { mapUnknownError } from "./map-error";
import { problemBody } from "./problem";

// Wraps one handler run in the Idempotency-Key protocol: a stored answer is replayed with
// `Idempotent-Replayed: true`; 2xx and 4xx answers are stored; a 5xx releases the key.
export async function runIdempotent(
  o: { req: NextRequest; user: TCurrentUser; body: unknown; requestId: string },
  execute: () => Promise<Response>,
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
  let res: Response;
  try {
    res = await execute();
  } catch (err) {
    const appErr = mapUnknownError(err);
    if (appErr.status >= 500) {
      await releaseInboundRequest(claim.id);
      throw err;
    }
    await completeInboundRequest(claim.id, appErr.status, problemBody(appErr, o.requestId));
    throw err;
  }
  if (res.status >= 500) {
    await releaseInboundRequest(claim.id);
    return res;
  }
  const text = await res.clone().text();
  await completeInboundRequest(claim.id, res.status, text ? JSON.parse(text) : null);
  return res;
}
