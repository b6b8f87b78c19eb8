import { createHash } from "node:crypto";
import { canonicalJson } from "../canonical-json";

export const GENESIS_HASH = "0".repeat(64);

export type TAuditFields = {
  at: Date;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: unknown;
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
};

// Each row's hash covers the previous row's hash and its own content, so an edit or a removed
// row anywhere breaks every hash after it.
export function auditHash(prevHash: string, f: TAuditFields): string {
  return createHash("sha256").update(prevHash).update("\n").update(auditContent(f)).digest("hex");
}

// The canonical text a row's hash covers (the SQL function audit_append() hashes the same bytes).
export function auditContent(f: TAuditFields): string {
  return canonicalJson({ ...f, at: f.at.toISOString() });
}
