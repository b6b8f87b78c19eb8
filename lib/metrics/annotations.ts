import "server-only";
import { db } from "../db";
import type { TWindow } from "./ranges";

// Chart annotations: moments an on-call person wants to see next to a spike. They come from the
// audit trail (kill switch, key rotation, breaker transitions when the breaker hook records them)
// and from breaker alerts (opened by lib/alerts even when no hook is wired).

export type TAnnotationKind =
  "breaker_open" | "breaker_closed" | "kill_switch_on" | "kill_switch_off" | "key_rotated";
export type TAnnotation = { at: string; kind: TAnnotationKind; label: string };

// Audit actions → annotation kinds. "mono.breaker.*" are the actions the breaker hook
// (setMonoHooks in lib/mono) is expected to record; lib/alerts records "mono.key_rotated".
export const ANNOTATION_ACTIONS: Record<string, TAnnotationKind> = {
  "policy.kill_switch_on": "kill_switch_on",
  "policy.kill_switch_off": "kill_switch_off",
  "mono.key_rotated": "key_rotated",
  "mono.breaker.open": "breaker_open",
  "mono.breaker.closed": "breaker_closed",
};

const LABELS: Record<TAnnotationKind, string> = {
  breaker_open: "Breaker opened",
  breaker_closed: "Breaker closed",
  kill_switch_on: "Kill switch on",
  kill_switch_off: "Kill switch off",
  key_rotated: "API key rotated",
};

export async function getAnnotations(w: Pick<TWindow, "from" | "to">): Promise<TAnnotation[]> {
  const [events, breakerAlerts] = await Promise.all([
    db.auditEvent.findMany({
      where: { action: { in: Object.keys(ANNOTATION_ACTIONS) }, at: { gte: w.from, lt: w.to } },
      select: { at: true, action: true },
      orderBy: { at: "asc" },
      take: 200,
    }),
    db.alert.findMany({
      where: { rule: "breaker_open", openedAt: { gte: w.from, lt: w.to } },
      select: { openedAt: true },
      take: 200,
    }),
  ]);
  const out: TAnnotation[] = events.map((e) => {
    const kind = ANNOTATION_ACTIONS[e.action] as TAnnotationKind;
    return { at: e.at.toISOString(), kind, label: LABELS[kind] };
  });
  // A breaker alert and a hook-recorded opening within a minute are the same event.
  for (const a of breakerAlerts) {
    const dup = out.some(
      (x) =>
        x.kind === "breaker_open" && Math.abs(Date.parse(x.at) - a.openedAt.getTime()) < 60_000,
    );
    if (!dup)
      out.push({ at: a.openedAt.toISOString(), kind: "breaker_open", label: LABELS.breaker_open });
  }
  return out.sort((x, y) => x.at.localeCompare(y.at));
}
