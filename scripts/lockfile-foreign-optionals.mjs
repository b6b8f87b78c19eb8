// Adds lockfile entries for other platforms' optional native packages (darwin, win32, android,
// freebsd, wasm32, other Linux CPUs) that this machine's npm registry does not serve. Without
// them npm 11 writes a lockfile that its own `npm ci` rejects ("Missing: X@ from lock file",
// npm/cli#9846). The entries carry os/cpu/libc, so npm skips them on this platform exactly as it
// would with a complete lockfile. Run after changing dependencies: `npm run lockfile:fix`.
import { readFileSync, writeFileSync } from "node:fs";

const FILE = "package-lock.json";
const lock = JSON.parse(readFileSync(FILE, "utf8"));
const pkgs = lock.packages;
const FOREIGN =
  /(darwin|win32|android|freebsd|openharmony|wasm32|linux-(arm|arm64|loong64|ppc64|riscv64|s390x)|musl)/;

function platformOf(name) {
  const os =
    ["darwin", "win32", "android", "freebsd", "openharmony", "linux"].find(
      (o) => name.includes(`-${o}-`) || name.endsWith(`-${o}`),
    ) ?? (name.includes("wasm32") ? undefined : "linux");
  const cpu = [
    "arm64",
    "x64",
    "ia32",
    "loong64",
    "ppc64",
    "riscv64",
    "s390x",
    "wasm32",
    "arm",
  ].find((c) => name.includes(`-${c}`));
  const libc = name.includes("musl")
    ? "musl"
    : os === "linux" && name.includes("gnu")
      ? "glibc"
      : undefined;
  return {
    ...(os ? { os: [os] } : {}),
    ...(cpu ? { cpu: [cpu] } : {}),
    ...(libc ? { libc: [libc] } : {}),
  };
}

let added = 0;
for (const [path, entry] of Object.entries(pkgs)) {
  for (const [dep, spec] of Object.entries(entry.optionalDependencies ?? {})) {
    if (!FOREIGN.test(dep) || !/^\d+\.\d+\.\d+/.test(spec)) continue;
    const nested = `${path ? path + "/" : ""}node_modules/${dep}`;
    const top = `node_modules/${dep}`;
    if (pkgs[nested] || pkgs[top]) continue;
    pkgs[top] = {
      version: spec,
      ...(entry.dev ? { dev: true } : {}),
      optional: true,
      ...platformOf(dep),
    };
    added++;
  }
}
lock.packages = Object.fromEntries(
  Object.entries(pkgs).sort(([a], [b]) => (a === "" ? -1 : b === "" ? 1 : a.localeCompare(b))),
);
writeFileSync(FILE, JSON.stringify(lock, null, 2) + "\n");
console.log(`lockfile: ${added} foreign optional package entries added`);
