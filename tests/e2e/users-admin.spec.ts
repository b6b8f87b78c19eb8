import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("an admin creates a user, who signs in with the temporary password; the audit log shows both", async ({
  page,
  browser,
}) => {
  await signIn(page, "admin");
  await page.goto("/users");
  const email = `e2e-${Date.now()}@example.test`;
  const form = page.getByRole("form", { name: "Create user" });
  await form.getByLabel("Name").fill("E2E Operator");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Role").selectOption("operator");
  await form.getByRole("button", { name: "Create user" }).click();
  const password = (await page.getByTestId("temporary-password").textContent())!.trim();
  await expect(page.getByTestId(`user-row-${email}`)).toBeVisible();

  const ctx = await browser.newContext();
  const other = await ctx.newPage();
  await other.goto("/login");
  await other.getByLabel("Email").fill(email);
  await other.getByLabel("Password").fill(password);
  await other.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(other.getByTestId("user-role")).toHaveText("operator");

  // Disabling the user ends their session at once.
  await page.getByTestId(`user-row-${email}`).getByRole("button", { name: "Disable" }).click();
  await page.getByTestId("user-confirm").getByRole("button", { name: "Disable user" }).click();
  await expect(page.getByTestId(`user-row-${email}`)).toContainText("disabled");
  await other.goto("/payouts");
  await expect(other).toHaveURL(/\/login/);
  await ctx.close();

  await page.goto(`/audit?actor=${encodeURIComponent("admin@demo.mono-ops.test")}`);
  await expect(page.getByRole("cell", { name: "user.created" }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: "user.disabled" }).first()).toBeVisible();
});
