// The embedded PostgreSQL: PGlite (Postgres compiled to WebAssembly) behind its socket server, so
// Prisma, pg and pg-boss connect to it exactly as to a real server. Run as a child process by the
// launcher and the test setup: `tsx scripts/pglite-server.ts --db .data/pglite --port 54329`.
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { mkdirSync } from "node:fs";
import { parseArgs } from "node:util";
import { patchProtocolQueue } from "./lib/pglite-protocol-queue";

const { values } = parseArgs({
  options: {
    db: { type: "string", default: "memory://" },
    port: { type: "string", default: "54329" },
    host: { type: "string", default: "127.0.0.1" },
    "max-connections": { type: "string", default: "16" },
  },
});

const dbPath = values.db!;
if (!dbPath.startsWith("memory://")) mkdirSync(dbPath, { recursive: true });
const db = await PGlite.create(dbPath);
const server = new PGLiteSocketServer({
  db,
  host: values.host,
  port: Number(values.port),
  maxConnections: Number(values["max-connections"]),
});
// One session behind every connection: keep each connection's extended-protocol round (Parse …
// Sync) together, and never stall the queue on a failed message (scripts/lib/pglite-protocol-queue.ts).
patchProtocolQueue((server as unknown as { queryQueue: unknown }).queryQueue);
server.addEventListener("error", (e) =>
  console.error("pglite: socket error", (e as CustomEvent).detail),
);
await server.start();
// The parent waits for this exact line before connecting.
console.log(`PGLITE_READY ${values.host}:${values.port}`);

let stopping = false;
async function stop() {
  if (stopping) return;
  stopping = true;
  await server.stop().catch(() => {});
  await db.close().catch(() => {});
  process.exit(0);
}
process.on("SIGINT", stop);
process.on("SIGTERM", stop);
process.on("disconnect", stop);
