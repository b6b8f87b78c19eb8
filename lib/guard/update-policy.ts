import "server-only";
import { jsonb, sqlDb } from "../db";
import { recordAudit, type TAuditContext } from "../audit/record-audit";
import { AppError } from "../api/app-error";
import { canonicalJson } from "../canonical-json";
import { getPolicy } from "./get-policy";
import { refusal } from "./refusal-words";
import type { TPolicySettings } from "./policy-schema";

// Saves a new policy version. `expectedVersion` makes concurrent edits fail loudly instead of one
// silently overwriting the other; the version's primary key makes the race impossible in SQL.
// The new version and its audit entry commit together.
export async function updatePolicy(
  settings: TPolicySettings,
  o: { expectedVersion: number; reason: string; ctx: TAuditContext },
) {
  const current = await getPolicy();
  if (current.version !== o.expectedVersion) {
    throw AppError.worded(
      "state_conflict",
      refusal("policy_changed", { version: current.version }),
    );
  }
  const changed = Object.keys(settings).filter(
    (k) =>
      canonicalJson(settings[k as keyof TPolicySettings]) !==
      canonicalJson(current.settings[k as keyof TPolicySettings]),
  );
  return sqlDb.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto("Policy")
      .values({
        version: current.version + 1,
        settings: jsonb(settings),
        createdById: o.ctx.actorId ?? null,
        reason: o.reason,
      })
      .returning("version")
      .executeTakeFirstOrThrow();
    const action =
      changed.length === 1 && changed[0] === "killSwitch"
        ? settings.killSwitch
          ? "policy.kill_switch_on"
          : "policy.kill_switch_off"
        : "policy.updated";
    await recordAudit(
      {
        action,
        target: { type: "policy", id: String(row.version) },
        details: {
          reason: o.reason,
          changed,
          from: pick(current.settings, changed),
          to: pick(settings, changed),
        },
        ctx: o.ctx,
      },
      trx,
    );
    return { version: row.version, settings };
  });
}

function pick(s: TPolicySettings, keys: string[]) {
  return Object.fromEntries(keys.map((k) => [k, s[k as keyof TPolicySettings]]));
}
