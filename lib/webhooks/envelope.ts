import "server-only";
import { createHash } from "node:crypto";
import { z } from "zod";
import { isStorableTime } from "../api/params";

// Mono's envelope: {"event": {"type", "data"}, "timestamp"}. Only the shape the console relies on
// is checked; extra fields are kept in the stored raw body. Nothing in it is ever executed or
// trusted for money: processing reads the object back from Mono's API.
export const ZWebhookEnvelope = z.object({
  event: z.object({
    type: z
      .string()
      .min(1)
      .max(100)
      .regex(/^[a-z0-9_.]+$/),
    data: z.record(z.string(), z.unknown()),
  }),
  timestamp: z.string().max(64).optional(),
});
export type TWebhookEnvelope = z.infer<typeof ZWebhookEnvelope>;

// Events whose object never changes once emitted: the id alone identifies them.
const IMMUTABLE_TYPES = new Set(["ledger_account_transaction_created", "account_credited"]);

function str(v: unknown, max = 200): string | null {
  return typeof v === "string" && v.length > 0 && v.length <= max ? v : null;
}

export function objectIdOf(data: Record<string, unknown>): string | null {
  return str(data.id, 100);
}

/**
 * Mono sends no event id (docs/DESIGN.md §8), so the dedupe key is derived from the event:
 * sha256 of type, object id, state and updated_at (the same object in the same state at the same
 * update time is the same event, however often it is delivered); ledger and credit events are
 * immutable, so type + id. An event without an id falls back to its raw body (retries resend the
 * exact bytes).
 */
export function dedupeKeyOf(type: string, data: Record<string, unknown>, rawBody: string): string {
  const id = objectIdOf(data);
  const parts = !id
    ? ["raw", rawBody]
    : IMMUTABLE_TYPES.has(type)
      ? [type, id]
      : [type, id, str(data.state) ?? "", str(data.updated_at) ?? ""];
  return createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}

// Null when missing, unreadable, or outside the years PostgreSQL stores (the envelope's time is
// informational; the receipt time is what the console relies on).
export function eventTimestampOf(env: TWebhookEnvelope): Date | null {
  if (!env.timestamp) return null;
  const d = new Date(env.timestamp);
  return isStorableTime(d.getTime()) ? d : null;
}
