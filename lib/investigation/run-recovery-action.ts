import "server-only";
import { z } from "zod";
import { AppError } from "../api/app-error";
import { consoleWords } from "../api/console-words";
import { wordedRule } from "../api/field-issue";
import { recordAudit, type TAuditContext } from "../audit/record-audit";
import { markOperationFailed } from "../operations/mark-operation-failed";
import { retryOperation } from "../operations/retry-operation";
import { recordFoundAtMono } from "./record-found-at-mono";
import { notAllowedText, RECOVERY_ACTIONS } from "./retry-verdict";
import { assessRecovery, loadForRecovery, safeToRetry } from "./safe-to-retry";

export const ZRecoveryAction = z.strictObject({
  action: z.enum(RECOVERY_ACTIONS),
  reason: z
    .string()
    .trim()
    .max(500)
    .refine((s) => s.length >= 5, wordedRule("say_why", { minimum: 5 })),
});
export type TRecoveryActionInput = z.infer<typeof ZRecoveryAction>;

// Every recovery action re-assesses the facts first (the verdict shown may be minutes old) and
// runs only if the verdict allows it now. Each one is audited, including a reconcile that finds
// nothing.
export async function runRecoveryAction(
  id: string,
  input: TRecoveryActionInput,
  ctx: TAuditContext,
) {
  const op = await loadForRecovery(id);
  if (!op) throw AppError.worded("not_found", consoleWords("no_such", { thing: "operation" }));
  const before = await assessRecovery(op);
  if (!before.verdict.allowed.includes(input.action)) {
    // meta carries the verdict's code and values, so the browser words the refusal itself.
    throw new AppError("state_conflict", notAllowedText(before.verdict), {
      meta: {
        verdict: before.verdict.code,
        verdictParams: before.verdict.params,
        allowed: before.verdict.allowed,
      },
    });
  }
  let outcome: string;
  switch (input.action) {
    case "retry_same_key":
      outcome = await retryOperation(op, { reason: input.reason, ctx });
      break;
    case "mark_failed":
      await markOperationFailed(id, {
        reason: input.reason,
        evidence: before.mono?.evidence ?? [],
        ctx,
      });
      outcome = "failed";
      break;
    case "reconcile":
      if (before.mono?.presence === "yes") {
        await recordFoundAtMono(id, before.mono, { reason: input.reason, ctx });
        outcome = "recorded_as_accepted";
      } else {
        await recordAudit({
          action: "operation.reconcile_checked",
          target: { type: "operation", id },
          details: {
            reason: input.reason,
            presence: before.mono?.presence ?? "unknown",
            evidence: before.mono?.evidence ?? [],
          },
          ctx,
        });
        outcome = before.mono?.presence === "no" ? "not_at_mono" : "unknown";
      }
      break;
  }
  return { action: input.action, outcome, after: await safeToRetry(id) };
}
