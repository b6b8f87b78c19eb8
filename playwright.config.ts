import { defineConfig } from "@playwright/test";

// End-to-end tests drive the system Chromium (no browser download) against the console started
// exactly as `npm start` starts it, on its own port and a fresh data directory.
const port = Number(process.env.E2E_PORT ?? 3210);
export const E2E_BASE_URL = `http://localhost:${port}`;
export const E2E_DEMO_PASSWORD = "e2e-demo-password-2026";

export default defineConfig({
  testDir: "tests/e2e",
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: E2E_BASE_URL,
    trace: "off",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  webServer: {
    command: "node --import tsx scripts/start.ts",
    url: `${E2E_BASE_URL}/api/health`,
    timeout: 400_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      PORT: String(port),
      DATA_DIR: `.data/e2e-${Date.now()}`,
      DEMO_PASSWORD: E2E_DEMO_PASSWORD,
      LOG_LEVEL: "warn",
      // Faults stay off unless a test sets them through the sandbox admin API (investigation e2e).
      SANDBOX_ALLOW_FAULTS: "1",
      ...(process.env.E2E_DATABASE_URL ? { DATABASE_URL: process.env.E2E_DATABASE_URL } : {}),
    },
  },
});
