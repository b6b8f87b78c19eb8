import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { execFileSync } from "node:child_process";
import path from "node:path";

const SOURCES = [
  "app",
  "components",
  "lib",
  "types",
  "public",
  "generated",
  "next.config.ts",
  "tsconfig.next.json",
  "postcss.config.mjs",
  "package-lock.json",
  "tsconfig.json",
  "instrumentation.ts",
];

function fingerprint(root: string): string {
  const h = createHash("sha256");
  const walk = (p: string) => {
    if (!existsSync(p)) return;
    const st = statSync(p);
    if (st.isDirectory()) {
      for (const name of readdirSync(p).sort()) walk(path.join(p, name));
    } else {
      h.update(path.relative(root, p)).update(String(st.size)).update(String(st.mtimeMs));
    }
  };
  for (const s of SOURCES) walk(path.join(root, s));
  return h.digest("hex");
}

// Builds the production bundle when none exists or the sources changed since the last build.
export function buildIfStale(root: string, env: NodeJS.ProcessEnv): "fresh" | "built" {
  const marker = path.join(root, ".next", "mono-ops-source-hash");
  const want = fingerprint(root);
  if (
    existsSync(path.join(root, ".next", "BUILD_ID")) &&
    existsSync(marker) &&
    readFileSync(marker, "utf8") === want
  )
    return "fresh";
  execFileSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], {
    cwd: root,
    env,
    stdio: "inherit",
  });
  writeFileSync(marker, want);
  return "built";
}
