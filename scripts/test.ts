// `npm test`: unit, component (jsdom) and integration tests (Vitest, on a throwaway embedded PostgreSQL 17 or on
// TEST_DATABASE_URL, real HTTP to the sandbox), then end-to-end tests (Playwright in the system
// Chromium). Ends with one summary line.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, mkdirSync } from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const out = path.join(root, "test-results");
mkdirSync(out, { recursive: true });
const only = process.argv[2]; // optional: unit | component | integration | e2e

type TCounts = { passed: number; failed: number; skipped: number };
const total: TCounts = { passed: 0, failed: 0, skipped: 0 };
let exit = 0;

function run(cmd: string, args: string[], env: Record<string, string> = {}): number {
  const r = spawnSync(cmd, args, {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env },
  });
  return r.status ?? 1;
}

if (!only || only === "unit" || only === "component" || only === "integration") {
  const file = path.join(out, "vitest.json");
  const projects = only ? ["--project", only] : [];
  const code = run(process.execPath, [
    path.join(root, "node_modules/vitest/vitest.mjs"),
    "run",
    ...projects,
    "--reporter=default",
    "--reporter=json",
    `--outputFile.json=${file}`,
  ]);
  if (existsSync(file)) {
    const j = JSON.parse(readFileSync(file, "utf8")) as {
      numPassedTests: number;
      numFailedTests: number;
      numPendingTests: number;
      numTodoTests: number;
    };
    total.passed += j.numPassedTests;
    total.failed += j.numFailedTests;
    total.skipped += j.numPendingTests + j.numTodoTests;
  }
  if (code !== 0) exit = code;
}

if (!only || only === "e2e") {
  const file = path.join(out, "playwright.json");
  const code = run(
    process.execPath,
    [path.join(root, "node_modules/@playwright/test/cli.js"), "test", "--reporter=list,json"],
    { PLAYWRIGHT_JSON_OUTPUT_NAME: file },
  );
  if (existsSync(file)) {
    const j = JSON.parse(readFileSync(file, "utf8")) as {
      stats: { expected: number; unexpected: number; skipped: number; flaky: number };
    };
    total.passed += j.stats.expected + j.stats.flaky;
    total.failed += j.stats.unexpected;
    total.skipped += j.stats.skipped;
  } else if (code !== 0) {
    total.failed += 1;
  }
  if (code !== 0) exit = code;
}

if (total.passed === 0 && exit === 0) exit = 1; // a run that executed nothing is not a pass
console.log(`\n${total.passed} passed, ${total.failed} failed, ${total.skipped} skipped`);
process.exit(exit);
