import "server-only";
import { sql, type RawBuilder } from "kysely";
import { sqlDb, type TSqlDb } from "../db";
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
// lock, last hash, insert). Pass the Kysely transaction `trx` to make the audit row part of a
// larger change (the change and its audit entry commit together or not at all); call it last in
// that transaction, since the chain lock is held until commit.
export async function recordAudit(input: TAuditInput, trx: TSqlDb = sqlDb): Promise<void> {
  await sql`SELECT ${auditAppend(input)}`.execute(trx);
}

/**
 * The `audit_append(…)` call for one event, as an SQL expression, for statements that change
 * something and audit it in one go (`WITH moved AS (UPDATE … RETURNING id) SELECT audit_append(…)
 * FROM moved`): in autocommit the chain lock is held only while that statement runs.
 */
export function auditAppend(input: TAuditInput): RawBuilder<string> {
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
  return sql<string>`audit_append(${f.at}::timestamptz, ${f.actorId}, ${f.actorEmail}, ${f.action}, ${f.targetType}, ${f.targetId}, ${JSON.stringify(f.details)}::jsonb, ${f.ip}, ${f.userAgent}, ${f.requestId}, ${auditContent(f)})`;
}
