import { expect, test, type Page } from "@playwright/test";
import { findSandbox, signIn, type TSandbox } from "./helpers";
import { E2E_BASE_URL } from "../../playwright.config";

// The low-balance path end to end in Chromium: the sandbox balance drops below the critical floor,
// "Check now" polls and evaluates, the banner appears on every page, an operator acknowledges the
// alert, the balance is restored and the alert resolves itself.

const ACCOUNT = "acc_2Nomina7kQ9xVbR4sTuW1z"; // "Dispersión nómina": not a payout source in other specs
const HEALTHY = 320_000_000_00;

async function setBalance(s: TSandbox, amount: number) {
  const r = await fetch(`${s.url}/_sandbox/accounts/${ACCOUNT}/balance`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-sandbox-admin-token": s.token },
    body: JSON.stringify({ amount }),
  });
  expect(r.ok).toBe(true);
}

async function checkNow(page: Page) {
  await page.goto("/alerts");
  const done = page.waitForResponse(
    (r) => r.url().endsWith("/api/alerts/evaluate") && r.request().method() === "POST",
  );
  await page.getByRole("button", { name: "Check now" }).click();
  expect((await done).status()).toBe(200);
}

test("a balance under the critical floor raises the banner; acknowledge; recovery resolves it", async ({
  page,
}) => {
  await signIn(page, "admin");
  const sandbox = await findSandbox(page.request);
  await setBalance(sandbox, HEALTHY);
  await checkNow(page); // a healthy snapshot first: the drop below is the spend the floors see

  await setBalance(sandbox, 1_000_00);
  await checkNow(page);
  const banner = page.getByTestId("critical-alert-banner");
  await expect(banner).toBeVisible();
  await expect(banner).toContainText("Dispersión nómina");

  await page.goto("/overview");
  await expect(page.getByTestId("critical-alert-banner")).toBeVisible();
  await expect(
    page.locator(`[data-account="${ACCOUNT}"] [data-testid="balance-level"]`),
  ).toHaveAttribute("data-level", "critical");

  await page.goto("/alerts");
  const row = page
    .locator('[data-testid="alert-row"][data-rule="balance_critical"]')
    .filter({ hasText: "Dispersión nómina" });
  await row.getByRole("button", { name: "Acknowledge" }).click();
  await expect(row).toHaveAttribute("data-state", "acknowledged");
  await expect(row).toContainText("ack by admin@demo.mono-ops.test");

  await setBalance(sandbox, HEALTHY);
  await checkNow(page);
  await page.goto("/alerts?state=resolved");
  await expect(
    page
      .locator('[data-testid="alert-row"][data-rule="balance_critical"]')
      .filter({ hasText: "Dispersión nómina" })
      .first(),
  ).toHaveAttribute("data-state", "resolved");
  await expect(page.getByTestId("critical-alert-banner")).toHaveCount(0);
});

test("a viewer sees the alerts but cannot act on them; readiness is not for viewers", async ({
  page,
}) => {
  await signIn(page, "viewer");
  await page.goto("/alerts");
  await expect(page.getByRole("button", { name: "Check now" })).toHaveCount(0);
  // Same-origin, as the console's pages send it: the role is what refuses it.
  const check = await page.request.post("/api/alerts/evaluate", {
    headers: { origin: E2E_BASE_URL },
  });
  expect([check.status(), (await check.json()).code]).toEqual([403, "forbidden"]);
  await page.goto("/readiness");
  await expect(page.getByTestId("forbidden")).toBeVisible();
});
