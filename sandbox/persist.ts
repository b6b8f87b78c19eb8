// Optional state file: the whole sandbox (objects, idempotency records, pending tasks, clock
// offset) as JSON, written debounced and atomically (tmp + rename) so a restart resumes where
// it stopped, timers included.
import { existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import type { TScheduled } from "./clock";
import type { Sandbox } from "./context";
import type { SandboxState } from "./state";

const VERSION = 1;
const DEBOUNCE_MS = 250;

type TSnapshot = {
  version: number;
  offsetMs: number;
  tasks: TScheduled[];
  state: { [K in keyof SandboxState]?: unknown };
};

const MAPS = [
  "accounts",
  "batches",
  "transfers",
  "ledgerAccounts",
  "ledgerTx",
  "payouts",
  "payoutCreatesByExternalId",
  "idempotency",
  "resourcesByIdemKey",
  "deliveries",
  "webhookFaults",
  "heldDeliveries",
] as const;
const ARRAYS = ["transferOrder", "deliveryOrder"] as const;

export function snapshot(sb: Sandbox): TSnapshot {
  const state: TSnapshot["state"] = {};
  for (const k of MAPS) state[k] = [...sb.state[k].entries()];
  for (const k of ARRAYS) state[k] = sb.state[k];
  // Running idempotency records belong to requests that died with the process.
  state.idempotency = [...sb.state.idempotency.entries()].filter(([, r]) => r.state === "done");
  return { version: VERSION, offsetMs: sb.clock.offset, tasks: sb.pendingTasks(), state };
}

export function restore(sb: Sandbox, file: string): boolean {
  if (!existsSync(file)) return false;
  const snap = JSON.parse(readFileSync(file, "utf8")) as TSnapshot;
  if (snap.version !== VERSION)
    throw new Error(`state file ${file} has version ${snap.version}, expected ${VERSION}`);
  const s = sb.state as unknown as Record<string, unknown>;
  for (const k of MAPS) s[k] = new Map((snap.state[k] as [string, unknown][]) ?? []);
  for (const k of ARRAYS) s[k] = (snap.state[k] as string[]) ?? [];
  // Secondary indexes are derived, never stored.
  sb.state.transfersByExternalId.clear();
  for (const id of sb.state.transferOrder) {
    const t = sb.state.transfers.get(id);
    if (t?.external_id)
      sb.state.transfersByExternalId.set(t.external_id, [
        ...(sb.state.transfersByExternalId.get(t.external_id) ?? []),
        id,
      ]);
  }
  sb.state.payoutsByExternalId.clear();
  for (const p of sb.state.payouts.values()) sb.state.payoutsByExternalId.set(p.external_id, p.id);
  sb.clock.restore(snap.tasks, snap.offsetMs);
  return true;
}

export function makeWriter(sb: Sandbox, file: string): { schedule: () => void; flush: () => void } {
  let timer: NodeJS.Timeout | null = null;
  const flush = (): void => {
    if (timer) clearTimeout(timer);
    timer = null;
    const tmp = `${file}.tmp-${process.pid}`;
    writeFileSync(tmp, JSON.stringify(snapshot(sb)));
    renameSync(tmp, file);
  };
  const schedule = (): void => {
    if (timer) return;
    timer = setTimeout(flush, DEBOUNCE_MS);
    timer.unref();
  };
  return { schedule, flush };
}
