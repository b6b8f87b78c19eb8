// x-idempotency-key (docs/SANDBOX.md "Idempotency", docs/DESIGN.md P1–P3): UUID v4 only; kept
// 24 h of sandbox time; same key + same request → the stored response again (200); same key +
// other request → 409; same key while the first is still running → 409. 429 and 5xx are never
// stored, so a retry after one of them runs for real.
import { createHash } from "node:crypto";
import type { SandboxState, TIdemRec } from "./state";

export const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;
export const RETENTION_MS = 24 * 60 * 60 * 1000;

export type TBegin =
  | { kind: "new"; rec: TIdemRec }
  | { kind: "replay"; rec: TIdemRec }
  | { kind: "in_use" }
  | { kind: "mismatch" };

/** Key order and whitespace do not make a different request; anything else does. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return "[" + value.map(canonicalJson).join(",") + "]";
  if (value !== null && typeof value === "object") {
    const obj = value as Record<string, unknown>;
    const keys = Object.keys(obj)
      .filter((k) => obj[k] !== undefined)
      .sort();
    return "{" + keys.map((k) => JSON.stringify(k) + ":" + canonicalJson(obj[k])).join(",") + "}";
  }
  return JSON.stringify(value) ?? "null";
}

export function fingerprint(method: string, path: string, rawBody: string): string {
  let body = rawBody;
  try {
    body = canonicalJson(JSON.parse(rawBody));
  } catch {
    // unparsable bodies are compared byte for byte
  }
  return createHash("sha256").update(`${method} ${path}\n${body}`).digest("hex");
}

export class IdempotencyStore {
  // The state is read through a getter because the admin reset swaps the whole state object.
  constructor(
    private readonly getState: () => SandboxState,
    private readonly now: () => number,
  ) {}

  private get state(): SandboxState {
    return this.getState();
  }

  begin(key: string, fp: string): TBegin {
    const existing = this.state.idempotency.get(key);
    if (existing && existing.createdAt + RETENTION_MS <= this.now())
      this.state.idempotency.delete(key);
    const rec = this.state.idempotency.get(key);
    if (!rec) {
      const fresh: TIdemRec = {
        key,
        fingerprint: fp,
        state: "running",
        status: 0,
        body: "",
        createdAt: this.now(),
        resources: [],
      };
      this.state.idempotency.set(key, fresh);
      return { kind: "new", rec: fresh };
    }
    if (rec.fingerprint !== fp) return { kind: "mismatch" };
    if (rec.state === "running") return { kind: "in_use" };
    return { kind: "replay", rec };
  }

  complete(key: string, status: number, body: string, resources: string[]): void {
    const rec = this.state.idempotency.get(key);
    if (!rec) return;
    if (status === 429 || status >= 500) {
      this.state.idempotency.delete(key);
      return;
    }
    rec.state = "done";
    rec.status = status;
    rec.body = body;
    rec.resources = resources;
  }

  /** The request ended without a storable response (fault before commit, crash, reset). */
  abandon(key: string): void {
    const rec = this.state.idempotency.get(key);
    if (rec && rec.state === "running") this.state.idempotency.delete(key);
  }

  sweep(): void {
    const cutoff = this.now() - RETENTION_MS;
    for (const [k, rec] of this.state.idempotency)
      if (rec.state === "done" && rec.createdAt <= cutoff) this.state.idempotency.delete(k);
  }
}
