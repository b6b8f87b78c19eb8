import "server-only";
import { createHash } from "node:crypto";
import { db, pgSql } from "../db";
import { canonicalJson } from "../canonical-json";
import { AppError } from "./app-error";
import { utc } from "../sql-time";

// The console's own write endpoints take an Idempotency-Key header (IETF draft "The
// Idempotency-Key HTTP Header Field"): the form mints one when it opens, so a double click, a
// retry after a dropped response or a second tab never creates a second operation.
const KEY_RE = /^[\x21-\x7e]{8,255}$/;
const IN_FLIGHT_LEASE_MS = 120_000;

export type TInboundClaim =
  { kind: "new"; id: bigint } | { kind: "replay"; status: number; body: unknown };

export function readIdempotencyKey(header: string | null): string {
  if (!header)
    throw new AppError(
      "idempotency_key_missing",
      "Send an Idempotency-Key header (8–255 visible characters) with this request",
    );
  if (!KEY_RE.test(header))
    throw new AppError(
      "idempotency_key_missing",
      "The Idempotency-Key header must be 8–255 visible ASCII characters",
    );
  return header;
}

export function requestHashOf(route: string, body: unknown): string {
  return createHash("sha256")
    .update(route)
    .update("\n")
    .update(canonicalJson(body ?? null))
    .digest("hex");
}

export async function claimInboundRequest(o: {
  userId: string;
  key: string;
  route: string;
  requestHash: string;
}): Promise<TInboundClaim> {
  const lockedUntil = new Date(Date.now() + IN_FLIGHT_LEASE_MS);
  // node-pg for the two statements every idempotent request runs (see pgPool() in lib/db.ts).
  const inserted = await pgSql.$queryRaw<{ id: bigint }[]>`
    INSERT INTO "InboundRequest" ("userId", key, route, "requestHash", state, "lockedUntil")
    VALUES (${o.userId}, ${o.key}, ${o.route}, ${o.requestHash}, 'in_flight', ${utc(lockedUntil)})
    ON CONFLICT ("userId", key) DO NOTHING RETURNING id`;
  if (inserted.length === 1) return { kind: "new", id: inserted[0].id };

  const existing = await db.inboundRequest.findUnique({
    where: { userId_key: { userId: o.userId, key: o.key } },
  });
  if (!existing) return claimInboundRequest(o); // released in between: try again
  if (existing.route !== o.route || existing.requestHash !== o.requestHash) {
    throw new AppError(
      "idempotency_key_reused",
      "This Idempotency-Key was already used with a different request",
    );
  }
  if (existing.state === "done")
    return { kind: "replay", status: existing.responseStatus ?? 200, body: existing.responseBody };
  if (existing.lockedUntil > new Date()) {
    throw new AppError(
      "idempotency_key_in_use",
      "A request with this Idempotency-Key is still being processed",
      { headers: { "retry-after": "1" } },
    );
  }
  // The first request died mid-way (crash, deploy): take it over, conditionally.
  const taken = await db.inboundRequest.updateMany({
    where: { id: existing.id, state: "in_flight", lockedUntil: existing.lockedUntil },
    data: { lockedUntil },
  });
  if (taken.count === 0)
    throw new AppError(
      "idempotency_key_in_use",
      "A request with this Idempotency-Key is still being processed",
      { headers: { "retry-after": "1" } },
    );
  return { kind: "new", id: existing.id };
}

export async function completeInboundRequest(
  id: bigint,
  status: number,
  body: unknown,
): Promise<void> {
  await pgSql.$executeRaw`UPDATE "InboundRequest" SET state = 'done', "responseStatus" = ${status}, "responseBody" = ${JSON.stringify(body)}::jsonb WHERE id = ${id}`;
}

// A 5xx is not an answer: forget the key so the client's retry runs again.
export async function releaseInboundRequest(id: bigint): Promise<void> {
  await db.inboundRequest.deleteMany({ where: { id, state: "in_flight" } });
}
