import "server-only";
import { env } from "../env";
import { logger } from "../logger";
import type { TFaultPoint } from "../env-schema";

// A named kill point of the write path (docs/RELIABILITY.md "Kill points"). With FAULT_POINT set
// to its name — possible only outside production, the environment check refuses it there — the
// process kills itself with SIGKILL here, exactly as a crash or an OOM kill would: no finally
// blocks, no graceful shutdown. The crash tests restart the process and retry the same request.
export function faultPoint(name: TFaultPoint): void {
  if (env.FAULT_POINT !== name) return;
  logger.warn({ faultPoint: name }, "fault point reached: SIGKILL");
  process.kill(process.pid, "SIGKILL");
  // The signal lands asynchronously: block this thread so not one more statement runs.
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10_000);
}
