import "server-only";
import { db } from "../db";
import { env } from "../env";
import { getMonoHealth, getKeyAge, KEY_AGE_MAX_DAYS, KEY_AGE_WARN_DAYS } from "../mono";
import type { TAlertSignal } from "./rules";

// Rules about the integration's health. Each returns the signals that hold now; the caller
// resolves the rest of its rules.

export function keyAgeSignal(days: number | null): TAlertSignal[] {
  if (days === null || days < KEY_AGE_WARN_DAYS) return [];
  const overdue = days >= KEY_AGE_MAX_DAYS;
  return [
    {
      rule: "key_age",
      subject: env.MONO_ENV,
      severity: overdue ? "critical" : "warning",
      title: `The Mono ${env.MONO_ENV} API key is ${days} days old (rotate every ${KEY_AGE_MAX_DAYS})`,
      details: { days, warnAt: KEY_AGE_WARN_DAYS, maxDays: KEY_AGE_MAX_DAYS },
    },
  ];
}

/** The breaker is per instance: this reports the instance that runs the evaluation job. */
export function evaluateBreaker(): TAlertSignal[] {
  const h = getMonoHealth();
  if (h.breaker !== "open") return [];
  return [
    {
      rule: "breaker_open",
      subject: "mono",
      severity: "critical",
      title: "Circuit breaker to Mono is open: requests fail fast",
      details: { breaker: h.breaker, inFlight: h.inFlight, queued: h.queued },
    },
  ];
}

export function evaluateKeyAge(now: Date = new Date()): TAlertSignal[] {
  return keyAgeSignal(getKeyAge(now));
}

/** Accepted operations wait for Mono's webhook; silence past the threshold is a signal. */
export async function evaluateWebhookSilence(now: Date = new Date()): Promise<TAlertSignal[]> {
  const since = new Date(now.getTime() - env.WEBHOOK_SILENCE_MINUTES * 60_000);
  const [waiting, lastEvent] = await Promise.all([
    db.operation.count({ where: { state: "accepted", acceptedAt: { lt: since } } }),
    db.webhookEvent.findFirst({ orderBy: { receivedAt: "desc" }, select: { receivedAt: true } }),
  ]);
  if (waiting === 0 || (lastEvent && lastEvent.receivedAt >= since)) return [];
  return [
    {
      rule: "webhook_silence",
      subject: "mono",
      severity: "warning",
      title: `No webhook from Mono for ${env.WEBHOOK_SILENCE_MINUTES}+ minutes while ${waiting} operation(s) wait to settle`,
      details: {
        waiting,
        lastWebhookAt: lastEvent?.receivedAt.toISOString() ?? null,
        minutes: env.WEBHOOK_SILENCE_MINUTES,
      },
    },
  ];
}

export async function evaluateReconciliation(): Promise<TAlertSignal[]> {
  const open = await db.drift.count({ where: { resolvedAt: null, severity: "critical" } });
  if (open === 0) return [];
  return [
    {
      rule: "reconciliation_critical",
      subject: "drift",
      severity: "critical",
      title: `${open} critical reconciliation finding(s) unresolved`,
      details: { open },
    },
  ];
}

export async function evaluateSignatureFailures(now: Date = new Date()): Promise<TAlertSignal[]> {
  const n = await db.webhookRejection.count({
    where: { reason: "bad_signature", receivedAt: { gte: new Date(now.getTime() - 15 * 60_000) } },
  });
  if (n < 5) return [];
  return [
    {
      rule: "signature_failures",
      subject: "webhooks",
      severity: "warning",
      title: `${n} webhook deliveries with a bad signature in 15 minutes`,
      details: { count: n },
    },
  ];
}
