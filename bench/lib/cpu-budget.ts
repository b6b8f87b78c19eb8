// CPU time spent by each process of a benchmark during a phase: this process (process.cpuUsage,
// every thread), a child such as the sandbox, and the database — a PostgreSQL on this machine, the
// embedded one included (its processes by name). The others are read from /proc (Linux);
// where that is not visible, or the database runs elsewhere, their figure is null, never a guess.
// On a machine where everything shares a few cores, CPU per call is what decides latency under
// saturation, and unlike latency it barely moves with the machine's noise.
import { spawnSync } from "node:child_process";
import { readFileSync, readdirSync } from "node:fs";

const TICK_US = (() => {
  const out = spawnSync("getconf", ["CLK_TCK"], { encoding: "utf8" });
  const hz = Number(out.stdout?.trim());
  return 1e6 / (Number.isFinite(hz) && hz > 0 ? hz : 100);
})();

/** utime + stime of one process, in µs; null when /proc does not show it. */
function procCpuUs(pid: number | string): number | null {
  try {
    // Fields after the command name, which may itself contain spaces and parentheses.
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(")").pop()!.trim().split(" ");
    return (Number(fields[11]) + Number(fields[12])) * TICK_US;
  } catch {
    return null;
  }
}

/** Sum over the processes named `postgres` (server and backends); null when none is visible. */
function postgresCpuUs(): number | null {
  let total: number | null = null;
  let pids: string[];
  try {
    pids = readdirSync("/proc").filter((d) => /^\d+$/.test(d));
  } catch {
    return null;
  }
  for (const pid of pids) {
    try {
      if (readFileSync(`/proc/${pid}/comm`, "utf8").trim() !== "postgres") continue;
    } catch {
      continue;
    }
    const us = procCpuUs(pid);
    if (us !== null) total = (total ?? 0) + us;
  }
  return total;
}

export type TCpuSample = { self: number; child: number | null; database: number | null };
/** Where the database's CPU can be read: local PostgreSQL (embedded or not), or nowhere. */
export type TDbCpuSource = "local-postgres" | null;

/** The source for a connection URL: only a server on this machine can be measured. */
export function dbCpuSource(url: string): TDbCpuSource {
  const host = new URL(url).hostname;
  return ["127.0.0.1", "localhost", "[::1]", ""].includes(host) ? "local-postgres" : null;
}

export function sampleCpu(childPid: number | undefined, db: TDbCpuSource): TCpuSample {
  const u = process.cpuUsage();
  return {
    self: u.user + u.system,
    child: childPid ? procCpuUs(childPid) : null,
    database: db === null ? null : postgresCpuUs(),
  };
}

/** Accumulates the CPU of several phases of one kind (e.g. every bare round). */
export class CpuBudget {
  private sums: TCpuSample = { self: 0, child: 0, database: 0 };
  private calls = 0;

  add(before: TCpuSample, after: TCpuSample, calls: number): void {
    const d = (a: number | null, b: number | null, acc: number | null) =>
      a === null || b === null || acc === null ? null : acc + (b - a);
    this.sums = {
      self: this.sums.self + (after.self - before.self),
      child: d(before.child, after.child, this.sums.child),
      // Backends that ended during the phase take their CPU with them: a lower bound then.
      database: d(before.database, after.database, this.sums.database),
    };
    this.calls += calls;
  }

  /** µs of CPU per call for each process; null where it could not be read. */
  perCall(): TCpuSample {
    const per = (x: number | null) => (x === null ? null : Math.round(x / this.calls));
    return {
      self: per(this.sums.self)!,
      child: per(this.sums.child),
      database: per(this.sums.database === null ? null : Math.max(0, this.sums.database)),
    };
  }
}
