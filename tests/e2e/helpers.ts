import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { expect, type APIRequestContext, type Page } from "@playwright/test";
import { E2E_DEMO_PASSWORD } from "../../playwright.config";

export const DEMO = {
  viewer: "viewer@demo.mono-ops.test",
  operator: "operator@demo.mono-ops.test",
  approver: "approver@demo.mono-ops.test",
  admin: "admin@demo.mono-ops.test",
} as const;
export type TDemoRole = keyof typeof DEMO;

export async function signIn(page: Page, role: TDemoRole, password = E2E_DEMO_PASSWORD) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(DEMO[role]);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/overview$/);
  await expect(page.getByTestId("user-role")).toHaveText(role);
}

export type TSandbox = { url: string; token: string };

/** The embedded sandbox's URL (from the readiness report) and its admin token (from .data/). */
export async function findSandbox(request: APIRequestContext): Promise<TSandbox> {
  const report = await (await request.get("/api/readiness")).json();
  const env = (report.checks as { id: string; detail: string }[]).find((c) => c.id === "env");
  const url = /base URL (http:\/\/[^\s;,]+)/.exec(env?.detail ?? "")?.[1];
  if (!url) throw new Error(`no sandbox URL in the readiness report: ${env?.detail}`);
  const dataRoot = path.resolve(".data");
  const dirs = readdirSync(dataRoot)
    .filter((d) => d.startsWith("e2e-"))
    .map((d) => path.join(dataRoot, d))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  for (const dir of dirs) {
    try {
      const token = (
        JSON.parse(readFileSync(path.join(dir, "local-secrets.json"), "utf8")) as {
          sandboxAdminToken: string;
        }
      ).sandboxAdminToken;
      if (
        (await fetch(`${url}/_sandbox/state`, { headers: { "x-sandbox-admin-token": token } })).ok
      )
        return { url, token };
    } catch {
      /* another run's directory */
    }
  }
  throw new Error("no admin token in .data/e2e-* matches the running sandbox");
}
