// Signed webhook deliveries (docs/SANDBOX.md "Webhooks"): envelope {event:{type,data},timestamp},
// header Mono-Signature: t=<unix>,v1=<hex HMAC-SHA256("<t>.<raw body>")>, 10 attempts over ~8.4 h
// (scaled by timeScale), any 2xx is success, no ordering guarantee. Faults: duplicate, reorder,
// delay, drop (per request via x-sandbox-fault, or per run as rates).
import { createHmac } from "node:crypto";
import type { TMonoEventType } from "../lib/mono/contract";
import type { Sandbox } from "./context";
import { webhookDice, type TWebhookFaultKind } from "./faults";
import { newId } from "./ids";
import type { TDeliveryRec } from "./state";

/** Delay before attempt n+1 (ms, Mono time): 30 s × (2^n − 1) → 30 s, 1.5 min, … ~4.26 h. */
export const RETRY_DELAYS_MS = [30, 90, 210, 450, 930, 1890, 3810, 7650, 15330].map(
  (s) => s * 1000,
);
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
const DUPLICATE_AFTER_MS = 1000;
const REORDER_MAX_HOLD_MS = 5000;
const ATTEMPT_TIMEOUT_MS = 10_000;
const MAX_IN_FLIGHT = 32;

export function sign(secret: string, t: number, body: string): string {
  return createHmac("sha256", secret).update(`${t}.${body}`).digest("hex");
}

export class WebhookDispatcher {
  private inFlight = 0;
  private queue: string[] = [];
  private closed = false;

  constructor(private readonly sb: Sandbox) {}

  emit(type: TMonoEventType, data: unknown, resourceId: string): void {
    const { sb } = this;
    if (sb.webhook.urls.length === 0) return;
    // The envelope is serialised once: every URL, retry and duplicate carries the same bytes.
    const payload = JSON.stringify({ event: { type, data }, timestamp: sb.nowIso() });
    const faults = new Set<TWebhookFaultKind>(sb.state.webhookFaults.get(resourceId) ?? []);
    if (sb.allowFaults) for (const k of webhookDice(sb.faultConfig, sb.random)) faults.add(k);
    for (const url of sb.webhook.urls) this.enqueue(url, type, resourceId, payload, [...faults]);
    sb.onChange();
  }

  private enqueue(
    url: string,
    type: string,
    resourceId: string,
    payload: string,
    faults: TWebhookFaultKind[],
  ): void {
    const { sb } = this;
    const d: TDeliveryRec = {
      id: newId("whd"),
      url,
      type,
      resource_id: resourceId,
      payload,
      state: "pending",
      attempts: [],
      next_attempt_at: null,
      created_at: sb.nowIso(),
      duplicate_of: null,
      faults,
    };
    sb.state.addDelivery(d);
    if (faults.includes("drop")) {
      d.state = "dropped";
      return;
    }
    // A later event for the same resource releases the ones a `reorder` fault held back, so
    // they reach the receiver after it.
    const held = sb.state.heldDeliveries.get(`${url} ${resourceId}`);
    if (faults.includes("reorder")) {
      d.state = "held";
      sb.state.heldDeliveries.set(`${url} ${resourceId}`, [...(held ?? []), d.id]);
      sb.clock.in(REORDER_MAX_HOLD_MS, {
        kind: "webhook_release",
        resource: `${url} ${resourceId}`,
      });
    } else {
      const delay = faults.includes("delay")
        ? (sb.requestWebhookDelayMs ?? sb.faultConfig.webhookDelayMs ?? 60_000)
        : 0;
      this.scheduleAttempt(d, delay);
      if (held) this.release(`${url} ${resourceId}`, delay + 200);
    }
    if (faults.includes("duplicate")) {
      const copy: TDeliveryRec = {
        ...d,
        id: newId("whd"),
        attempts: [],
        duplicate_of: d.id,
        state: "pending",
        faults: [],
      };
      sb.state.addDelivery(copy);
      this.scheduleAttempt(copy, DUPLICATE_AFTER_MS);
    }
  }

  release(key: string, delayMs = 0): void {
    const ids = this.sb.state.heldDeliveries.get(key);
    if (!ids) return;
    this.sb.state.heldDeliveries.delete(key);
    for (const id of ids) {
      const d = this.sb.state.deliveries.get(id);
      if (d && d.state === "held") {
        d.state = "pending";
        this.scheduleAttempt(d, delayMs);
      }
    }
  }

  private scheduleAttempt(d: TDeliveryRec, delayMs: number): void {
    d.next_attempt_at = new Date(this.sb.clock.now() + delayMs * this.sb.timeScale).toISOString();
    this.sb.clock.in(delayMs, { kind: "webhook", id: d.id });
  }

  /** Scheduler entry point: attempt delivery now (bounded concurrency). */
  attempt(id: string): void {
    const d = this.sb.state.deliveries.get(id);
    if (!d || d.state !== "pending") return;
    if (this.inFlight >= MAX_IN_FLIGHT) {
      this.queue.push(id);
      return;
    }
    this.inFlight++;
    void this.send(d).finally(() => {
      this.inFlight--;
      const next = this.queue.shift();
      if (next && !this.closed) this.attempt(next);
    });
  }

  private async send(d: TDeliveryRec): Promise<void> {
    const t = Math.floor(Date.now() / 1000); // wall clock: receivers check freshness against theirs
    const started = Date.now();
    let status: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetch(d.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "Mono-Webhooks/1.0 (sandbox)",
          "Mono-Signature": `t=${t},v1=${sign(this.sb.webhook.secret, t, d.payload)}`,
        },
        body: d.payload,
        signal: AbortSignal.timeout(ATTEMPT_TIMEOUT_MS),
      });
      status = res.status;
      await res.arrayBuffer().catch(() => undefined);
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    if (this.closed) return;
    d.attempts.push({
      at: new Date().toISOString(),
      status,
      error,
      duration_ms: Date.now() - started,
    });
    if (status !== null && status >= 200 && status < 300) {
      d.state = "delivered";
      d.next_attempt_at = null;
    } else if (d.attempts.length >= MAX_ATTEMPTS) {
      d.state = "failed";
      d.next_attempt_at = null;
    } else {
      this.scheduleAttempt(d, RETRY_DELAYS_MS[d.attempts.length - 1]);
    }
    this.sb.onChange();
  }

  close(): void {
    this.closed = true;
    this.queue = [];
  }
}
