import "server-only";
import type { TAuditContext } from "../audit/record-audit";
import { logger } from "../logger";
import { findAtMono } from "../investigation/find-at-mono";
import { recordFoundAtMono } from "../investigation/record-found-at-mono";
import { loadForRecovery } from "../investigation/safe-to-retry";
import { MONO_IDEMPOTENCY_WINDOW_MS } from "./mono-window";
import { sendOperation, type TSendResult } from "./send-operation";

// Resumes an operation whose send may already have reached Mono (a crash, a deploy, a lost
// answer). Inside Mono's 24 h idempotency window the same key and body are sent again: Mono
// answers a key it has with the original, so the resend IS the confirmation. Past the window Mono
// has forgotten the key, so Mono is asked first, by external_id (reads only): found → recorded as
// accepted with Mono's id; not found → sent with the same key and external ids; unknown → left for
// a person, never guessed.
export async function resumeSend(
  id: string,
  o: { now?: Date; ctx: TAuditContext },
): Promise<TSendResult | "found_at_mono" | "unknown_at_mono"> {
  const now = o.now ?? new Date();
  const op = await loadForRecovery(id);
  if (!op) return "not_claimed";
  const sentAt = op.firstSentAt?.getTime();
  const pastWindow = sentAt !== undefined && now.getTime() - sentAt > MONO_IDEMPOTENCY_WINDOW_MS;
  if (!pastWindow) return sendOperation(id, { now, ctx: o.ctx });
  const found = await findAtMono(op);
  logger.warn(
    { operationId: id, presence: found.presence },
    "resuming past Mono's idempotency window: asked Mono by external_id first",
  );
  if (found.presence === "no") return sendOperation(id, { now, ctx: o.ctx });
  if (found.presence === "unknown") return "unknown_at_mono";
  await recordFoundAtMono(id, found, {
    reason: "resumed past Mono's 24 h idempotency window: Mono has it (by external_id)",
    ctx: o.ctx,
    now,
  });
  return "found_at_mono";
}
