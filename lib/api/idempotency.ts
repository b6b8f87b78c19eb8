import "server-only";
import { createHash, randomUUID } from "node:crypto";
import { db, jsonb, sqlDb, type TSqlDb } from "../db";
import { env } from "../env";
import { canonicalJson } from "../canonical-json";
import { AppError } from "./app-error";
import { apiWords } from "./detail-words";

// The console's own write endpoints take an Idempotency-Key header (IETF draft "The
// Idempotency-Key HTTP Header Field"): the form mints one when it opens, so a double click, a
// retry after a dropped response or a second tab never creates a second operation.
//
// Recovery points (docs/PAYOUTS.md "Idempotency-Key recovery points"): a key is `started` when
// claimed, `bound` when the operation it created or changed commits (in that same transaction),
// and `done` when its answer is stored. A bound key never runs its handler again and is never
// released: a retry after a crash, an expired lease or a 5xx resumes the operation instead.
const KEY_RE = /^[\x21-\x7e]{8,255}$/;

/** The lease a request holds on its key: `token` changes on every takeover. */
export type TInbound = { id: bigint; token: string };

export type TInboundClaim =
  | { kind: "new"; inbound: TInbound }
  | { kind: "resume"; inbound: TInbound; operationId: string }
  | { kind: "replay"; status: number; body: unknown };

export function readIdempotencyKey(header: string | null): string {
  if (!header) throw AppError.worded("idempotency_key_missing", apiWords("idempotency_key_absent"));
  if (!KEY_RE.test(header))
    throw AppError.worded("idempotency_key_missing", apiWords("idempotency_key_malformed"));
  return header;
}

export function requestHashOf(route: string, body: unknown): string {
  return createHash("sha256")
    .update(route)
    .update("\n")
    .update(canonicalJson(body ?? null))
    .digest("hex");
}

const inUse = () =>
  AppError.worded("idempotency_key_in_use", apiWords("idempotency_key_busy"), {
    headers: { "retry-after": "1" },
  });

export async function claimInboundRequest(o: {
  userId: string;
  key: string;
  route: string;
  requestHash: string;
}): Promise<TInboundClaim> {
  const token = randomUUID();
  const lockedUntil = new Date(Date.now() + env.IDEMPOTENCY_LEASE_MS);
  const inserted = await sqlDb
    .insertInto("InboundRequest")
    .values({
      userId: o.userId,
      key: o.key,
      route: o.route,
      requestHash: o.requestHash,
      state: "in_flight",
      lockedUntil,
      leaseToken: token,
    })
    .onConflict((c) => c.columns(["userId", "key"]).doNothing())
    .returning("id")
    .executeTakeFirst();
  if (inserted) return { kind: "new", inbound: { id: inserted.id, token } };

  const existing = await db.inboundRequest.findUnique({
    where: { userId_key: { userId: o.userId, key: o.key } },
  });
  if (!existing) return claimInboundRequest(o); // released in between: try again
  if (existing.route !== o.route || existing.requestHash !== o.requestHash) {
    throw AppError.worded("idempotency_key_reused", apiWords("idempotency_key_other_request"));
  }
  if (existing.state === "done")
    return { kind: "replay", status: existing.responseStatus ?? 200, body: existing.responseBody };
  if (existing.lockedUntil > new Date()) throw inUse();
  // The holder died or gave up (crash, deploy, 5xx). Take the lease over with one conditional
  // update that names the lease and binding we saw, so exactly one process wins, and a binding
  // committed since our read makes us lose (the client's next retry then resumes it).
  const taken = await db.inboundRequest.updateMany({
    where: {
      id: existing.id,
      state: "in_flight",
      lockedUntil: existing.lockedUntil,
      leaseToken: existing.leaseToken,
      operationId: existing.operationId,
    },
    data: { lockedUntil, leaseToken: token },
  });
  if (taken.count === 0) throw inUse();
  const inbound = { id: existing.id, token };
  return existing.operationId
    ? { kind: "resume", inbound, operationId: existing.operationId }
    : { kind: "new", inbound };
}

/**
 * Recovery point `bound`: called inside the transaction that creates or changes the operation, so
 * the key and the operation commit together or not at all. Refuses (and so rolls that transaction
 * back) when this request no longer holds the key's lease or the key is bound to another operation.
 */
export async function bindInboundRequest(
  trx: TSqlDb,
  inbound: TInbound | null | undefined,
  operationId: string,
): Promise<void> {
  if (!inbound) return;
  const r = await trx
    .updateTable("InboundRequest")
    .set({ operationId, recoveryPoint: "bound" })
    .where("id", "=", inbound.id)
    .where("leaseToken", "=", inbound.token)
    .where("state", "=", "in_flight")
    .where((eb) => eb.or([eb("operationId", "is", null), eb("operationId", "=", operationId)]))
    .executeTakeFirst();
  if (r.numUpdatedRows !== 1n)
    throw AppError.worded("idempotency_key_in_use", apiWords("idempotency_key_taken_over"), {
      headers: { "retry-after": "1" },
    });
}

/** Recovery point `done`: the answer is stored and replayed from now on. */
export async function completeInboundRequest(
  inbound: TInbound,
  status: number,
  body: unknown,
): Promise<void> {
  await sqlDb
    .updateTable("InboundRequest")
    .set({
      state: "done",
      recoveryPoint: "done",
      responseStatus: status,
      responseBody: jsonb(body),
    })
    .where("id", "=", inbound.id)
    .where("leaseToken", "=", inbound.token)
    .execute();
}

// A 5xx is not an answer. A key that created nothing is forgotten, so the client's retry runs
// again; a bound key is kept and its lease ends now, so the retry resumes its operation at once.
export async function releaseInboundRequest(inbound: TInbound): Promise<void> {
  const forgotten = await db.inboundRequest.deleteMany({
    where: { id: inbound.id, state: "in_flight", leaseToken: inbound.token, operationId: null },
  });
  if (forgotten.count === 1) return;
  await db.inboundRequest.updateMany({
    where: { id: inbound.id, state: "in_flight", leaseToken: inbound.token },
    data: { lockedUntil: new Date() },
  });
}
