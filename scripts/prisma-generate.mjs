// `prisma generate` for postinstall and scripts. Prisma 6 falls back to downloading a query engine
// when the datasource URL is unset, even with engineType = "client" (nothing connects during
// generate), so a placeholder URL is provided when DATABASE_URL is absent.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
execFileSync(
  process.execPath,
  [path.join(root, "node_modules/prisma/build/index.js"), "generate"],
  {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      DATABASE_URL: process.env.DATABASE_URL || "postgresql://postgres@127.0.0.1:5432/placeholder",
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
    },
  },
);
