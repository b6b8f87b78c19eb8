import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { freePort } from "./free-port";

export type TEmbeddedDb = { url: string; child: ChildProcess; stop(): Promise<void> };

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");

// Starts PGlite's socket server as a child process and resolves once it accepts connections.
export async function startEmbeddedDb(opts: { dir: string; port?: number }): Promise<TEmbeddedDb> {
  const port = opts.port ?? (await freePort());
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      path.join(root, "scripts/pglite-server.ts"),
      "--db",
      opts.dir,
      "--port",
      String(port),
    ],
    { cwd: root, stdio: ["ignore", "pipe", "inherit"] },
  );
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error("embedded PostgreSQL did not start within 60 s")),
      60_000,
    );
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`embedded PostgreSQL exited with code ${code}`));
    });
    child.stdout!.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("PGLITE_READY")) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return {
    url: `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`,
    child,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
      }),
  };
}
