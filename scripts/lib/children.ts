import { spawn, type ChildProcess, type SpawnOptions } from "node:child_process";

// Every child the launcher starts, so Ctrl-C (or a failure) stops all of them.
const children: { name: string; proc: ChildProcess; stop?: () => Promise<void> }[] = [];

export function spawnChild(
  name: string,
  cmd: string,
  args: string[],
  opts: SpawnOptions,
): ChildProcess {
  const proc = spawn(cmd, args, opts);
  children.push({ name, proc });
  return proc;
}

/** A child started elsewhere; `stop` replaces the default SIGTERM (then SIGKILL after 5 s). */
export function track(name: string, proc: ChildProcess, stop?: () => Promise<void>) {
  children.push({ name, proc, stop });
}

export async function stopAll(): Promise<void> {
  // Reverse order: the web server first, the database last.
  for (const { proc, stop } of [...children].reverse()) {
    if (proc.exitCode !== null || proc.signalCode !== null) continue;
    if (stop) {
      await stop();
      continue;
    }
    await new Promise<void>((resolve) => {
      const t = setTimeout(() => {
        proc.kill("SIGKILL");
        resolve();
      }, 5_000);
      proc.once("exit", () => {
        clearTimeout(t);
        resolve();
      });
      proc.kill("SIGTERM");
    });
  }
}

export function waitForLine(
  proc: ChildProcess,
  marker: string,
  timeoutMs: number,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let buf = "";
    const t = setTimeout(() => reject(new Error(`timed out waiting for "${marker}"`)), timeoutMs);
    proc.once("exit", (code) => {
      clearTimeout(t);
      reject(new Error(`process exited with code ${code} before "${marker}"`));
    });
    proc.stdout?.on("data", (c: Buffer) => {
      buf += c.toString();
      const line = buf.split("\n").find((l) => l.includes(marker));
      if (line) {
        clearTimeout(t);
        resolve(line);
      }
    });
  });
}
