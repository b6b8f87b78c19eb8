import "server-only";
import { sqlDb } from "../db";
import { DEFAULT_POLICY, ZPolicySettings, type TPolicySettings } from "./policy-schema";

export type TPolicy = { version: number; settings: TPolicySettings };

// The policy in force: the highest version, or the defaults (version 0) before any admin edit.
// Read fresh on every decision (one indexed row): a kill switch must bite at once everywhere.
export async function getPolicy(): Promise<TPolicy> {
  const row = await sqlDb
    .selectFrom("Policy")
    .select(["version", "settings"])
    .orderBy("version", "desc")
    .limit(1)
    .executeTakeFirst();
  if (!row) return { version: 0, settings: DEFAULT_POLICY };
  const parsed = ZPolicySettings.safeParse(row.settings);
  // A stored policy that no longer parses (schema change) falls back to the safest reading:
  // the defaults with the kill switch on, so nothing is sent until an admin saves a valid one.
  return parsed.success
    ? { version: row.version, settings: parsed.data }
    : { version: row.version, settings: { ...DEFAULT_POLICY, killSwitch: true } };
}
