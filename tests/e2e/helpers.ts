import { expect, type Page } from "@playwright/test";
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
