// SANDBOX_FAULTS / admin text form: "rate=0.3" or "429=0.05,5xx_after_commit=0.1,latency=0.2,latency_ms=500".
import type { TFaultConfig, TFaultRateKey } from "./faults";

const ALIASES: Record<string, TFaultRateKey> = {
  latency: "latency",
  "429": "status_429",
  status_429: "status_429",
  "5xx": "status_5xx",
  status_5xx: "status_5xx",
  "5xx_after_commit": "status_5xx_after_commit",
  status_5xx_after_commit: "status_5xx_after_commit",
  reset: "reset",
  reset_after_commit: "reset_after_commit",
  hang: "hang",
  webhook_duplicate: "webhook_duplicate",
  webhook_reorder: "webhook_reorder",
  webhook_delay: "webhook_delay",
  webhook_drop: "webhook_drop",
};

function num(key: string, v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0)
    throw new Error(`SANDBOX_FAULTS: ${key} must be a non-negative number`);
  return n;
}

export function parseFaultConfig(text: string): TFaultConfig {
  const cfg: TFaultConfig = { rates: {} };
  for (const part of text
    .split(",")
    .map((p) => p.trim())
    .filter(Boolean)) {
    const [key, value = ""] = part.split("=").map((s) => s.trim());
    const rateKey = ALIASES[key];
    if (rateKey) {
      const p = num(key, value);
      if (p > 1) throw new Error(`SANDBOX_FAULTS: ${key} is a probability (0..1)`);
      cfg.rates![rateKey] = p;
      continue;
    }
    switch (key) {
      case "rate":
        cfg.rate = num(key, value);
        if (cfg.rate > 1) throw new Error("SANDBOX_FAULTS: rate is a probability (0..1)");
        break;
      case "latency_ms":
        cfg.latencyMs = num(key, value);
        break;
      case "retry_after":
        cfg.retryAfterSeconds = num(key, value);
        break;
      case "hang_ms":
        cfg.hangMs = num(key, value);
        break;
      case "webhook_delay_ms":
        cfg.webhookDelayMs = num(key, value);
        break;
      case "statuses":
        cfg.statuses = value.split("|").map((s) => num(key, s));
        break;
      case "apply_to":
        if (value !== "writes" && value !== "all")
          throw new Error("SANDBOX_FAULTS: apply_to is writes or all");
        cfg.applyTo = value;
        break;
      case "seed":
        cfg.seed = num(key, value);
        break;
      default:
        throw new Error(`SANDBOX_FAULTS: unknown key "${key}"`);
    }
  }
  return cfg;
}
