// The sandbox's clock and scheduler. Every state change over time (transfers, batches, payouts,
// webhook retries) is a plain-data task in one heap, so that:
// - `timeScale` shrinks every delay (0.01 = 100× faster) for tests;
// - the admin surface can advance the clock and the due tasks fire at once;
// - tasks survive a restart through the state file (they are data, not closures).

export type TTask =
  | { kind: "batch"; id: string }
  | { kind: "transfer"; id: string }
  | { kind: "payout"; id: string }
  | { kind: "webhook"; id: string }
  | { kind: "webhook_release"; resource: string };

export type TScheduled = { at: number; seq: number; task: TTask };

const MAX_TIMER_MS = 2_147_483_647;

export class Scheduler {
  private heap: TScheduled[] = [];
  private seq = 0;
  private timer: NodeJS.Timeout | null = null;
  private armedAt = Infinity;
  private offsetMs = 0;
  private closed = false;
  private running = false;

  constructor(
    private readonly timeScale: number,
    private readonly run: (task: TTask) => void,
  ) {}

  /** Sandbox time in ms since the epoch: wall clock plus whatever the admin advanced. */
  now(): number {
    return Date.now() + this.offsetMs;
  }

  nowIso(): string {
    return new Date(this.now()).toISOString();
  }

  get offset(): number {
    return this.offsetMs;
  }

  /** `delayMs` is in "Mono time" and gets multiplied by timeScale. */
  in(delayMs: number, task: TTask): void {
    this.at(this.now() + Math.max(0, delayMs * this.timeScale), task);
  }

  at(at: number, task: TTask): void {
    this.push({ at, seq: this.seq++, task });
    if (at < this.armedAt) this.arm();
  }

  /** Moves the clock forward, firing due tasks in time order. The clock steps to each task's
   * due time before running it, so chains (pending → processing → settled) complete within one
   * advance when their cumulative delays fit in it. */
  advance(ms: number): void {
    const target = this.offsetMs + ms;
    this.running = true;
    try {
      while (this.heap.length > 0 && this.heap[0].at <= Date.now() + target) {
        const s = this.pop();
        if (!s) break;
        this.offsetMs = Math.max(this.offsetMs, s.at - Date.now());
        this.safeRun(s.task);
      }
    } finally {
      this.running = false;
    }
    this.offsetMs = target;
    this.fireDue();
  }

  /** Runs every pending task whose kind matches, whatever its due time (admin "run pending"). */
  runAll(filter: (t: TTask) => boolean, maxRounds = 20): number {
    let ran = 0;
    for (let round = 0; round < maxRounds; round++) {
      const picked = this.heap.filter((s) => filter(s.task));
      if (picked.length === 0) break;
      this.heap = this.heap.filter((s) => !filter(s.task));
      this.heapify();
      picked.sort((a, b) => a.at - b.at || a.seq - b.seq);
      for (const s of picked) {
        this.safeRun(s.task);
        ran++;
      }
    }
    this.arm();
    return ran;
  }

  pending(): TScheduled[] {
    return [...this.heap].sort((a, b) => a.at - b.at || a.seq - b.seq);
  }

  restore(items: TScheduled[], offsetMs: number): void {
    this.offsetMs = offsetMs;
    this.heap = [];
    for (const s of items) this.push({ ...s, seq: this.seq++ });
    this.arm();
  }

  clear(): void {
    this.heap = [];
    this.offsetMs = 0;
    this.arm();
  }

  close(): void {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private fireDue(): void {
    if (this.running) return; // tasks that schedule tasks must not re-enter
    this.running = true;
    try {
      const now = this.now();
      while (this.heap.length > 0 && this.heap[0].at <= now) {
        const s = this.pop();
        if (s) this.safeRun(s.task);
      }
    } finally {
      this.running = false;
    }
    this.arm();
  }

  private safeRun(task: TTask): void {
    try {
      this.run(task);
    } catch (err) {
      // A broken task must not stop the clock; the sandbox keeps serving.
      process.stderr.write(`sandbox: task ${task.kind} failed: ${String(err)}\n`);
    }
  }

  private arm(): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.armedAt = Infinity;
    if (this.heap.length === 0) return;
    const at = this.heap[0].at;
    this.armedAt = at;
    const delay = Math.min(MAX_TIMER_MS, Math.max(0, at - this.now()));
    this.timer = setTimeout(() => {
      this.armedAt = Infinity;
      this.fireDue();
    }, delay);
    this.timer.unref();
  }

  // ── binary min-heap on (at, seq) ──
  private less(a: TScheduled, b: TScheduled): boolean {
    return a.at < b.at || (a.at === b.at && a.seq < b.seq);
  }
  private push(s: TScheduled): void {
    const h = this.heap;
    h.push(s);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i], h[p])) break;
      [h[i], h[p]] = [h[p], h[i]];
      i = p;
    }
  }
  private pop(): TScheduled | undefined {
    const h = this.heap;
    const top = h[0];
    const last = h.pop();
    if (h.length > 0 && last) {
      h[0] = last;
      this.down(0);
    }
    return top;
  }
  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.less(h[l], h[m])) m = l;
      if (r < h.length && this.less(h[r], h[m])) m = r;
      if (m === i) return;
      [h[i], h[m]] = [h[m], h[i]];
      i = m;
    }
  }
  private heapify(): void {
    for (let i = (this.heap.length >> 1) - 1; i >= 0; i--) this.down(i);
  }
}
