import { expect, test } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { NAV_ITEMS } from "../../components/shell/nav-items";
import { readFileSync } from "node:fs";
import { can, ROLES } from "../../lib/auth/permissions";
import { signIn } from "./helpers";
import { E2E_BASE_URL } from "../../playwright.config";

// The English labels of the navigation, from the catalogue the console shows them from.
const SHELL_EN = JSON.parse(readFileSync("messages/en/shell.json", "utf8")) as {
  nav: Record<string, string>;
};

test.describe("sign-in and roles", () => {
  for (const role of ROLES) {
    test(`${role} signs in and sees exactly the navigation the matrix allows`, async ({ page }) => {
      await signIn(page, role);
      const nav = page.getByRole("navigation", { name: "Main" });
      const expected = NAV_ITEMS.filter((i) => can(role, i.permission)).map(
        (i) => SHELL_EN.nav[i.key],
      );
      await expect(nav.getByRole("link")).toHaveText(expected);
    });
  }

  test("a wrong password shows a clear error and no session", async ({ page }) => {
    await page.goto("/login");
    await page.getByLabel("Email").fill("operator@demo.mono-ops.test");
    await page.getByLabel("Password").fill("definitely-wrong");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "incorrect" })).toHaveText(
      "Email or password is incorrect.",
    );
    await page.goto("/overview");
    await expect(page).toHaveURL(/\/login/);
  });

  test("a viewer is refused the users page and the users API", async ({ page }) => {
    await signIn(page, "viewer");
    await page.goto("/users");
    await expect(page.getByTestId("forbidden")).toContainText("You don't have access to this page");
    const api = await page.request.get("/api/users");
    expect(api.status()).toBe(403);
    const body = await api.json();
    expect(body.code).toBe("forbidden");
    expect(body.request_id).toMatch(/^req_/);
    const write = await page.request.post("/api/users", {
      headers: { origin: E2E_BASE_URL },
      data: { email: "x@example.test", name: "X", role: "admin" },
    });
    expect([write.status(), (await write.json()).code]).toEqual([403, "forbidden"]);
  });

  test("signed-out visitors are sent to sign in, and the API says 401", async ({ page }) => {
    await page.goto("/audit");
    await expect(page).toHaveURL(/\/login/);
    expect((await page.request.get("/api/audit")).status()).toBe(401);
  });

  test("the sign-in page has no serious accessibility violations", async ({ page }) => {
    await page.goto("/login");
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter(
      (v) => v.impact === "serious" || v.impact === "critical",
    );
    expect(serious.map((v) => v.id)).toEqual([]);
  });
});
