import { execFileSync } from "node:child_process";

// The seed imports lib/ (which starts with `import "server-only"`), so it runs with the
// react-server condition, under which that import is an empty module.
export async function runSeed(root: string, env: NodeJS.ProcessEnv) {
  const out = execFileSync(
    process.execPath,
    ["--conditions=react-server", "--import", "tsx", "prisma/seed.ts"],
    {
      cwd: root,
      env: { ...env, LOG_LEVEL: "warn" },
      encoding: "utf8",
      stdio: ["ignore", "pipe", "inherit"],
    },
  );
  const line = out.split("\n").find((l) => l.startsWith("SEED_RESULT "));
  if (!line) throw new Error("the seed printed no result");
  return (
    JSON.parse(line.slice("SEED_RESULT ".length)) as {
      logins: { role: string; email: string; password: string }[];
    }
  ).logins;
  // (the line also says how many demo operations were created: 0 after the first start)
}
