import "server-only";
import { db } from "../db";
import type { TAlertRule } from "./rules";

/**
 * Resolves unresolved alerts of the given rules whose condition no longer holds (fold key absent
 * from `active`). Called only after an evaluator succeeded: a rule whose data could not be read
 * keeps its alerts, so "Mono is down" never looks like "balances recovered".
 */
export async function resolveCleared(
  rules: readonly TAlertRule[],
  active: ReadonlySet<string>,
  now: Date = new Date(),
): Promise<number> {
  const r = await db.alert.updateMany({
    where: {
      rule: { in: [...rules] },
      state: { in: ["open", "acknowledged"] },
      foldKey: { notIn: [...active] },
    },
    data: { state: "resolved", resolvedAt: now },
  });
  return r.count;
}
