import "server-only";
import { db, type TTx } from "../db";
import { auditHash, GENESIS_HASH, type TAuditFields } from "./hash";

export type TAuditContext = {
  actorId?: string | null;
  actorEmail?: string | null;
  ip?: string | null;
  userAgent?: string | null;
  requestId?: string | null;
};

export type TAuditInput = {
  action: string; // dotted verb, e.g. "auth.login_failed", "user.role_changed"
  target?: { type: string; id: string };
  details?: Record<string, unknown>;
  ctx?: TAuditContext;
};

// Any constant works: it only serialises writers of the chain, inside their transaction.
const AUDIT_CHAIN_LOCK = 7_114_201;

// Appends one event to the hash chain. Pass `tx` to make the audit row part of a larger
// transaction (the state change and its audit entry commit together or not at all).
export async function recordAudit(input: TAuditInput, tx?: TTx): Promise<void> {
  if (!tx) return db.$transaction((t) => recordAudit(input, t));
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`;
  const last = await tx.auditEvent.findFirst({ orderBy: { seq: "desc" }, select: { hash: true } });
  const prevHash = last?.hash ?? GENESIS_HASH;
  const fields: TAuditFields = {
    at: new Date(),
    actorId: input.ctx?.actorId ?? null,
    actorEmail: input.ctx?.actorEmail ?? null,
    action: input.action,
    targetType: input.target?.type ?? null,
    targetId: input.target?.id ?? null,
    details: input.details ?? {},
    ip: input.ctx?.ip ?? null,
    userAgent: input.ctx?.userAgent ?? null,
    requestId: input.ctx?.requestId ?? null,
  };
  await tx.auditEvent.create({
    data: { ...fields, details: fields.details as object, prevHash, hash: auditHash(prevHash, fields) },
  });
}
