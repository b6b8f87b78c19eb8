import "server-only";
import { db } from "../db";
import { recordAudit, type TAuditContext } from "../audit/record-audit";
import { AppError } from "../api/app-error";
import { canonicalJson } from "../canonical-json";
import { getPolicy } from "./get-policy";
import type { TPolicySettings } from "./policy-schema";

// Saves a new policy version. `expectedVersion` makes concurrent edits fail loudly instead of one
// silently overwriting the other; the version's primary key makes the race impossible in SQL.
export async function updatePolicy(
  settings: TPolicySettings,
  o: { expectedVersion: number; reason: string; ctx: TAuditContext },
) {
  const current = await getPolicy();
  if (current.version !== o.expectedVersion) {
    throw new AppError(
      "state_conflict",
      `The policy changed (now version ${current.version}); reload and try again`,
    );
  }
  const changed = Object.keys(settings).filter(
    (k) =>
      canonicalJson(settings[k as keyof TPolicySettings]) !==
      canonicalJson(current.settings[k as keyof TPolicySettings]),
  );
  return db.$transaction(async (tx) => {
    const row = await tx.policy.create({
      data: {
        version: current.version + 1,
        settings,
        createdById: o.ctx.actorId ?? null,
        reason: o.reason,
      },
    });
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
      tx,
    );
    return { version: row.version, settings };
  });
}

function pick(s: TPolicySettings, keys: string[]) {
  return Object.fromEntries(keys.map((k) => [k, s[k as keyof TPolicySettings]]));
}
