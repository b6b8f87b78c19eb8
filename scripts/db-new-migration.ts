// Creates prisma/migrations/<timestamp>_<name>/migration.sql from the diff between the schema in
// git HEAD (or nothing) and prisma/schema.prisma. `migrate dev` cannot run with the wasm schema
// engine (shadow database), so this is how migrations are made: npm run db:new-migration -- name
import { execFileSync } from "node:child_process";
import { mkdirSync, writeFileSync, mkdtempSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]/gi, "_");
if (!name) {
  console.error("usage: npm run db:new-migration -- <name>");
  process.exit(2);
}
let previous: string | null = null;
try {
  previous = execFileSync("git", ["show", "HEAD:prisma/schema.prisma"], {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "ignore"],
  });
} catch {
  previous = null;
}
const args = [
  "prisma",
  "migrate",
  "diff",
  "--to-schema-datamodel",
  "prisma/schema.prisma",
  "--script",
];
if (previous) {
  const file = path.join(mkdtempSync(path.join(tmpdir(), "schema-")), "schema.prisma");
  writeFileSync(file, previous);
  args.push("--from-schema-datamodel", file);
} else {
  args.push("--from-empty");
}
const sql = execFileSync("npx", args, {
  encoding: "utf8",
  env: {
    ...process.env,
    DATABASE_URL: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres",
  },
});
if (!sql.trim() || /^-- This is an empty migration/m.test(sql)) {
  console.log("schema unchanged: no migration created");
  process.exit(0);
}
// Migrations apply in name order: never name one before an existing one, even if a clock is behind.
const existing = readdirSync(path.join("prisma", "migrations"))
  .map((d) => d.slice(0, 14))
  .filter((d) => /^\d{14}$/.test(d))
  .sort();
const now = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const last = existing[existing.length - 1];
const stamp = last && last >= now ? String(BigInt(last) + 1n) : now;
const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`created ${dir}/migration.sql — review it, then npm run db:migrate`);
