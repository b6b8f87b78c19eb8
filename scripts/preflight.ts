// `npm run preflight`: the pre-launch checks (docs/DESIGN.md P27) from a shell, as on /readiness.
// Prints one line per check (and the fix for anything but a pass); exits 1 when a check fails.
// Run with --conditions=react-server (the package script does) so lib/ modules load outside Next.
import { runReadiness } from "../lib/readiness/run-readiness";
import type { TCheckStatus } from "../lib/readiness/types";

const MARK: Record<TCheckStatus, string> = {
  pass: "PASS",
  warn: "WARN",
  fail: "FAIL",
  skip: "SKIP",
};

async function main(): Promise<number> {
  const report = await runReadiness();
  console.log(`Pre-launch checks for MONO_ENV=${report.environment} (${report.at})\n`);
  for (const c of report.checks) {
    console.log(
      `${MARK[c.status]}  ${c.title}: ${c.detail}${c.ms !== undefined ? ` (${c.ms} ms)` : ""}`,
    );
    if (c.fix && c.status !== "pass") console.log(`      fix: ${c.fix}`);
  }
  const failed = report.checks.filter((c) => c.status === "fail").length;
  console.log(`\n${report.ok ? "READY" : `NOT READY: ${failed} check(s) failed`}`);
  return report.ok ? 0 : 1;
}

main()
  .then((code) => process.exit(code))
  .catch((err: unknown) => {
    console.error(err instanceof Error ? err.message : String(err));
    process.exit(2);
  });
