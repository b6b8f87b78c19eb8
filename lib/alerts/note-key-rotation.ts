import "server-only";
import { db } from "../db";
import { env } from "../env";
import { recordAudit } from "../audit/record-audit";
import { monoConfigFromEnv } from "../mono";

// A key rotation is visible only as a new MONO_*_KEY_ISSUED_AT after a restart. Comparing it with
// the last one we saw turns it into an audit event, which the charts show as an annotation.
export async function noteKeyRotation(): Promise<
  "first_seen" | "rotated" | "unchanged" | "unknown"
> {
  const issuedAt = monoConfigFromEnv(env).keyIssuedAt;
  if (!issuedAt) return "unknown";
  const last = await db.auditEvent.findFirst({
    where: {
      action: { in: ["mono.key_first_seen", "mono.key_rotated"] },
      targetType: "mono_key",
      targetId: env.MONO_ENV,
    },
    orderBy: { seq: "desc" },
    select: { details: true },
  });
  const previous = (last?.details as { issuedAt?: string } | undefined)?.issuedAt ?? null;
  if (previous === issuedAt) return "unchanged";
  const action = previous ? "mono.key_rotated" : "mono.key_first_seen";
  await recordAudit({
    action,
    target: { type: "mono_key", id: env.MONO_ENV },
    details: { issuedAt, previous },
    ctx: { actorEmail: "system:alerts" },
  });
  return previous ? "rotated" : "first_seen";
}
