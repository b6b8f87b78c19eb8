// `npm run bench -- <name>` runs bench/<name>.ts; each benchmark prints its figures and, as its
// last line, one JSON object. Benchmarks never decide pass/fail of the test suite.
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";

const dir = path.dirname(new URL(import.meta.url).pathname);
const available = readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && f !== "run.ts")
  .map((f) => f.replace(/\.ts$/, ""));
const name = process.argv[2];
if (!name || !existsSync(path.join(dir, `${name}.ts`))) {
  console.error(`usage: npm run bench -- <name>   (available: ${available.join(", ")})`);
  process.exit(2);
}
const r = spawnSync(
  process.execPath,
  [
    "--conditions=react-server",
    "--import",
    "tsx",
    path.join(dir, `${name}.ts`),
    ...process.argv.slice(3),
  ],
  { stdio: "inherit" },
);
process.exit(r.status ?? 1);
