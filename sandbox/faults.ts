// Fault injection (only when the sandbox runs with allowFaults). Two sources, same effect:
// - per run: TFaultConfig rates (options, SANDBOX_FAULTS, or PUT /_sandbox/faults);
// - per request: the `x-sandbox-fault` header, which overrides the per-run dice for that request.
// Grammar and semantics are documented in docs/SANDBOX.md ("Faults").

export type THttpFaultKind =
  | "latency"
  | "status_429"
  | "status_5xx"
  | "status_5xx_after_commit"
  | "reset"
  | "reset_after_commit"
  | "hang";
export type TWebhookFaultKind = "duplicate" | "reorder" | "delay" | "drop";
export type TFaultRateKey = THttpFaultKind | `webhook_${TWebhookFaultKind}`;

export type TFaultConfig = {
  /** shorthand: this probability is split evenly over 429, 5xx, 5xx-after-commit, reset, reset-after-commit */
  rate?: number;
  rates?: Partial<Record<TFaultRateKey, number>>;
  latencyMs?: number; // default 300
  retryAfterSeconds?: number; // default 1
  hangMs?: number; // default 120000
  webhookDelayMs?: number; // default 60000 (Mono time, scaled by timeScale)
  statuses?: number[]; // 5xx statuses drawn from; default [500, 502, 503, 504]
  applyTo?: "writes" | "all"; // default "all"
  seed?: number; // makes the dice reproducible
};

export type TFaultAction =
  | { kind: "status"; status: number; retryAfter: string | null; afterCommit: boolean }
  | { kind: "reset"; afterCommit: boolean }
  | { kind: "hang"; ms: number; afterCommit: boolean };

export type TRequestFault = {
  latencyMs: number;
  action: TFaultAction | null;
  webhook: TWebhookFaultKind[];
  webhookDelayMs: number | null;
  /** `none`: the per-run dice are not rolled for this request */
  none: boolean;
};

export const FAULT_HEADER = "x-sandbox-fault";
const WEBHOOK_KINDS: readonly TWebhookFaultKind[] = ["duplicate", "reorder", "delay", "drop"];
const STATUSES = new Set([408, 429, 500, 502, 503, 504]);
const SPREAD: readonly THttpFaultKind[] = [
  "status_429",
  "status_5xx",
  "status_5xx_after_commit",
  "reset",
  "reset_after_commit",
];

export class FaultHeaderError extends Error {}

function int(value: string | undefined, name: string, max: number): number {
  if (value === undefined || !/^\d{1,9}$/.test(value))
    throw new FaultHeaderError(`${name} needs a non-negative integer`);
  const n = Number(value);
  if (n > max) throw new FaultHeaderError(`${name} must be ≤ ${max}`);
  return n;
}

/** Parses `latency=300;status=503;retry_after=2;after_commit;webhook=duplicate` (order-free). */
export function parseFaultHeader(raw: string, nowMs: number = Date.now()): TRequestFault {
  const out: TRequestFault = {
    latencyMs: 0,
    action: null,
    webhook: [],
    webhookDelayMs: null,
    none: false,
  };
  let status: number | null = null;
  let retryAfter: string | null = null;
  let reset = false;
  let hang: number | null = null;
  let afterCommit = false;
  const parts = raw
    .split(";")
    .map((p) => p.trim())
    .filter((p) => p.length > 0);
  if (parts.length === 0) throw new FaultHeaderError("empty fault header");
  for (const part of parts) {
    const eq = part.indexOf("=");
    const name = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    const value = eq < 0 ? undefined : part.slice(eq + 1).trim();
    switch (name) {
      case "latency":
        out.latencyMs = int(value, name, 600_000);
        break;
      case "status": {
        const s = int(value, name, 999);
        if (!STATUSES.has(s))
          throw new FaultHeaderError("status must be one of 408, 429, 500, 502, 503, 504");
        status = s;
        break;
      }
      case "retry_after":
        retryAfter = String(int(value, name, 86_400));
        break;
      case "retry_after_date":
        retryAfter = new Date(nowMs + int(value, name, 86_400) * 1000).toUTCString();
        break;
      case "after_commit":
        if (value !== undefined) throw new FaultHeaderError("after_commit takes no value");
        afterCommit = true;
        break;
      case "reset":
        if (value !== undefined) throw new FaultHeaderError("reset takes no value");
        reset = true;
        break;
      case "hang":
        hang = value === undefined ? 120_000 : int(value, name, 600_000);
        break;
      case "webhook": {
        const kind = WEBHOOK_KINDS.find((k) => k === value);
        if (!kind) throw new FaultHeaderError("webhook must be duplicate, reorder, delay or drop");
        if (!out.webhook.includes(kind)) out.webhook.push(kind);
        break;
      }
      case "webhook_delay":
        out.webhookDelayMs = int(value, name, 86_400_000);
        break;
      case "none":
        if (value !== undefined) throw new FaultHeaderError("none takes no value");
        out.none = true;
        break;
      default:
        throw new FaultHeaderError(`unknown directive "${name}"`);
    }
  }
  const actions = (status !== null ? 1 : 0) + (reset ? 1 : 0) + (hang !== null ? 1 : 0);
  if (actions > 1) throw new FaultHeaderError("status, reset and hang are exclusive");
  if (afterCommit && actions === 0)
    throw new FaultHeaderError("after_commit needs status, reset or hang");
  if (afterCommit && status !== null && status < 500)
    throw new FaultHeaderError("after_commit needs a 5xx status");
  if (retryAfter !== null && status === null)
    throw new FaultHeaderError("retry_after needs status");
  if (status !== null) out.action = { kind: "status", status, retryAfter, afterCommit };
  else if (reset) out.action = { kind: "reset", afterCommit };
  else if (hang !== null) out.action = { kind: "hang", ms: hang, afterCommit };
  return out;
}

/** mulberry32: tiny, fast, good enough for fault dice. */
export function makeRandom(seed?: number): () => number {
  if (seed === undefined) return Math.random;
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function effectiveRates(cfg: TFaultConfig): Partial<Record<TFaultRateKey, number>> {
  const rates: Partial<Record<TFaultRateKey, number>> = {};
  if (cfg.rate) for (const k of SPREAD) rates[k] = cfg.rate / SPREAD.length;
  return { ...rates, ...cfg.rates };
}

/** Rolls the per-run HTTP dice: at most one action, latency independently. (Webhook dice are
 * rolled per event by the dispatcher, see webhookDice.) */
export function rollFault(
  cfg: TFaultConfig,
  random: () => number,
  isWrite: boolean,
): TRequestFault | null {
  if ((cfg.applyTo ?? "all") === "writes" && !isWrite) return null;
  const rates = effectiveRates(cfg);
  const out: TRequestFault = {
    latencyMs: 0,
    action: null,
    webhook: [],
    webhookDelayMs: null,
    none: false,
  };
  if (rates.latency && random() < rates.latency) out.latencyMs = cfg.latencyMs ?? 300;
  let roll = random();
  const statuses = cfg.statuses && cfg.statuses.length > 0 ? cfg.statuses : [500, 502, 503, 504];
  const pick = (): number => statuses[Math.floor(random() * statuses.length)];
  const table: [THttpFaultKind, () => TFaultAction][] = [
    [
      "status_429",
      () => ({
        kind: "status",
        status: 429,
        retryAfter: String(cfg.retryAfterSeconds ?? 1),
        afterCommit: false,
      }),
    ],
    [
      "status_5xx",
      () => ({ kind: "status", status: pick(), retryAfter: null, afterCommit: false }),
    ],
    [
      "status_5xx_after_commit",
      () => ({ kind: "status", status: pick(), retryAfter: null, afterCommit: isWrite }),
    ],
    ["reset", () => ({ kind: "reset", afterCommit: false })],
    ["reset_after_commit", () => ({ kind: "reset", afterCommit: isWrite })],
    ["hang", () => ({ kind: "hang", ms: cfg.hangMs ?? 120_000, afterCommit: false })],
  ];
  for (const [kind, make] of table) {
    const p = rates[kind] ?? 0;
    if (roll < p) {
      out.action = make();
      break;
    }
    roll -= p;
  }
  return out.latencyMs > 0 || out.action || out.webhook.length > 0 ? out : null;
}

/** Per-run webhook dice, rolled once per event. */
export function webhookDice(cfg: TFaultConfig, random: () => number): TWebhookFaultKind[] {
  const rates = effectiveRates(cfg);
  const out: TWebhookFaultKind[] = [];
  for (const k of WEBHOOK_KINDS) {
    const p = rates[`webhook_${k}`] ?? 0;
    if (p > 0 && random() < p) out.push(k);
  }
  return out;
}
