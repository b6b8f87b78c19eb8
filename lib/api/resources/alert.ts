import { z } from "zod";
import { maskPii, maskText } from "../../operations/mask";
import { present, ZIso, ZJsonObject } from "./wire";

// The alert resource: the list, the banner on every page, acknowledge/resolve and "Check now".
// Details are stored JSON (account ids, counts), masked on the way out like any stored JSON.

export const ZAlertSeverity = z.enum(["critical", "warning", "info"]);
export const ZAlertState = z.enum(["open", "acknowledged", "resolved"]);

export const ZAlert = z.object({
  id: z.string(),
  rule: z.string(), // one of ALERT_RULES (lib/alerts/rules.ts); older rows may name retired rules
  foldKey: z.string(),
  severity: ZAlertSeverity,
  title: z.string(),
  details: ZJsonObject,
  state: ZAlertState,
  occurrences: z.number().int(),
  openedAt: ZIso,
  lastSeenAt: ZIso,
  acknowledgedAt: ZIso.nullable(),
  acknowledgedBy: z.string().nullable(), // the acknowledger's e-mail
  resolvedAt: ZIso.nullable(),
  notifiedAt: ZIso.nullable(),
});
export type TAlert = z.infer<typeof ZAlert>;

type TAlertLike = { details: unknown } & Record<string, unknown>;
const maskAlert = (a: TAlertLike) => ({ ...a, details: maskPii(a.details) });

export const ZAlertPage = z.object({
  alerts: z.array(ZAlert),
  nextBefore: z.string().nullable(),
});
export type TAlertPage = z.infer<typeof ZAlertPage>;
export function presentAlertPage(p: { alerts: TAlertLike[]; nextBefore: string | null }) {
  return present(ZAlertPage, { alerts: p.alerts.map(maskAlert), nextBefore: p.nextBefore });
}

// Acknowledge and resolve answer the alert as it is now.
export const ZAlertChange = z.object({ alert: ZAlert });
export function presentAlertChange(a: TAlertLike) {
  return present(ZAlertChange, { alert: maskAlert(a) });
}

// Polled by the banners on every console page: open critical alerts and the guard's kill switch
// (while on, nothing is sent to Mono).
export const ZAlertBanner = z.object({
  killSwitch: z.boolean(),
  count: z.number().int(),
  latest: z.array(
    z.object({ id: z.string(), title: z.string(), state: z.string(), openedAt: ZIso }),
  ),
});
export type TAlertBanner = z.infer<typeof ZAlertBanner>;
export function presentAlertBanner(b: unknown) {
  return present(ZAlertBanner, b);
}

// "Check now": the balance poll (or why it could not run) and the rule evaluations.
const ZEvaluation = z.object({
  opened: z.number().int(),
  folded: z.number().int(),
  resolved: z.number().int(),
  failed: z.array(z.string()), // rule families whose evaluation threw
});
export const ZAlertCheck = z.object({
  balances: z.union([
    z.object({
      poll: z.object({
        polled: z.number().int(),
        failed: z.array(z.object({ id: z.string(), error: z.string() })),
      }),
      evaluation: ZEvaluation,
    }),
    z.object({ error: z.string() }),
  ]),
  health: ZEvaluation,
});
export type TAlertCheck = z.infer<typeof ZAlertCheck>;
export function presentAlertCheck(c: {
  balances: { poll: { failed: { error: string }[] } } | { error: string };
  health: unknown;
}) {
  const b = c.balances;
  return present(ZAlertCheck, {
    health: c.health,
    balances:
      "error" in b
        ? { error: maskText(b.error) }
        : {
            ...b,
            poll: {
              ...b.poll,
              failed: b.poll.failed.map((f) => ({ ...f, error: maskText(f.error) })),
            },
          },
  });
}
