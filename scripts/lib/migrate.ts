import { execFileSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "../..");

// Applies the versioned migrations with Prisma's wasm schema engine (no download).
export function migrateDeploy(databaseUrl: string, opts: { quiet?: boolean } = {}) {
  execFileSync(
    process.execPath,
    [path.join(root, "node_modules/prisma/build/index.js"), "migrate", "deploy"],
    {
      cwd: root,
      env: { ...process.env, DATABASE_URL: databaseUrl, PRISMA_HIDE_UPDATE_MESSAGE: "1" },
      stdio: opts.quiet ? ["ignore", "pipe", "pipe"] : "inherit",
    },
  );
}
