// The objects every route and engine function works with, wired once per sandbox instance.
import type { TScheduled, TTask } from "./clock";
import { Scheduler } from "./clock";
import type { TFaultConfig, TWebhookFaultKind } from "./faults";
import { makeRandom } from "./faults";
import { IdempotencyStore } from "./idempotency";
import { SandboxState, type TApiKey } from "./state";
import { WebhookDispatcher } from "./webhooks";

export type TRequestLogEntry = {
  id: string;
  at: string;
  method: string;
  path: string;
  status: number;
  idempotency_key: string | null;
  fault: string | null;
  duration_ms: number;
};

export type TWebhookConfig = { urls: string[]; secret: string };

export class Sandbox {
  state = new SandboxState();
  readonly clock: Scheduler;
  readonly idem: IdempotencyStore;
  readonly apiKeys = new Map<string, TApiKey>();
  readonly webhooks: WebhookDispatcher;
  webhook: TWebhookConfig;
  faultConfig: TFaultConfig;
  random: () => number;
  /** webhook faults the current request asked for; engine code tags the resources it creates */
  requestWebhookFaults: TWebhookFaultKind[] = [];
  requestWebhookDelayMs: number | null = null;
  readonly requestLog: TRequestLogEntry[] = [];
  private requestLogNext = 0;
  /** set by server.ts: schedules a debounced write of the state file */
  onChange: () => void = () => {};
  /** set by server.ts: runs one scheduled task */
  runTask: (task: TTask) => void = () => {};

  constructor(
    readonly timeScale: number,
    readonly allowFaults: boolean,
    faultConfig: TFaultConfig,
    webhook: TWebhookConfig,
    apiKeys: TApiKey[],
  ) {
    this.clock = new Scheduler(timeScale, (t) => this.runTask(t));
    this.idem = new IdempotencyStore(
      () => this.state,
      () => this.clock.now(),
    );
    this.webhook = webhook;
    this.webhooks = new WebhookDispatcher(this);
    this.faultConfig = faultConfig;
    this.random = makeRandom(faultConfig.seed);
    for (const k of apiKeys) this.apiKeys.set(k.key, k);
  }

  setFaultConfig(cfg: TFaultConfig): void {
    this.faultConfig = cfg;
    this.random = makeRandom(cfg.seed);
  }

  /** Attaches the current request's webhook faults to a resource it created. */
  tagResource(id: string): void {
    if (this.requestWebhookFaults.length > 0)
      this.state.webhookFaults.set(id, [...this.requestWebhookFaults]);
  }

  nowIso(): string {
    return this.clock.nowIso();
  }

  logRequest(entry: TRequestLogEntry): void {
    // ring buffer: the newest 5,000 requests, enough to look up a log id a test just saw
    if (this.requestLog.length < 5000) this.requestLog.push(entry);
    else this.requestLog[this.requestLogNext] = entry;
    this.requestLogNext = (this.requestLogNext + 1) % 5000;
  }

  pendingTasks(): TScheduled[] {
    return this.clock.pending();
  }
}
