import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { db } from "../db";
import { type TSqlRunner } from "../db-legacy";
import { auditContent, type TAuditFields } from "./hash";
import { canonicalJson } from "../canonical-json";

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

// Appends one event to the hash chain through the audit_append() SQL function (one round trip:
// lock, last hash, insert). Pass `tx` to make the audit row part of a larger transaction (the
// state change and its audit entry commit together or not at all); call it last in that
// transaction, since the chain lock is held until commit.
export async function recordAudit(input: TAuditInput, tx?: TSqlRunner): Promise<void> {
  await (tx ?? db).$queryRaw`SELECT ${auditAppendSql(input)}`;
}

/**
 * The `audit_append(…)` call for one event, as an SQL expression, for statements that change
 * something and audit it in one go (e.g. `WITH moved AS (UPDATE … RETURNING id) SELECT
 * audit_append(…) FROM moved`): one statement in autocommit holds the chain lock only while it
 * runs, where a transaction holds it until its COMMIT's round trip.
 */
export function auditAppendSql(input: TAuditInput): Prisma.Sql {
  const f: TAuditFields = {
    at: new Date(),
    actorId: input.ctx?.actorId ?? null,
    actorEmail: input.ctx?.actorEmail ?? null,
    action: input.action,
    targetType: input.target?.type ?? null,
    targetId: input.target?.id ?? null,
    // Normalised once (BigInt → string, sorted keys) so what is stored is exactly what is hashed.
    details: JSON.parse(canonicalJson(input.details ?? {})),
    ip: input.ctx?.ip ?? null,
    userAgent: input.ctx?.userAgent ?? null,
    requestId: input.ctx?.requestId ?? null,
  };
  return Prisma.sql`audit_append(${f.at.toISOString()}::timestamptz, ${f.actorId}, ${f.actorEmail}, ${f.action}, ${f.targetType}, ${f.targetId}, ${JSON.stringify(f.details)}::jsonb, ${f.ip}, ${f.userAgent}, ${f.requestId}, ${auditContent(f)})`;
}
