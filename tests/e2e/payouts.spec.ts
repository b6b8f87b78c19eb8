import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";
import { E2E_BASE_URL } from "../../playwright.config";

const shot = (page: Page, name: string) =>
  page.screenshot({ path: `/tmp/ui-${name}.png`, fullPage: true });

async function chooseOption(page: Page, testId: string, text: string) {
  const value = await page
    .getByTestId(testId)
    .locator("option", { hasText: text })
    .first()
    .getAttribute("value");
  await page.getByTestId(testId).selectOption(value!);
}

test("operator creates a 5,000,000 COP payout, another user approves it, the operator sees it settle", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  await signIn(page, "operator");
  await page.goto("/payouts");
  await page.getByTestId("new-payout").click();
  await expect(page).toHaveURL(/\/payouts\/new$/);

  await expect(
    page.getByTestId("source-account").locator("option", { hasText: "proveedores" }),
  ).toHaveCount(1);
  await chooseOption(page, "source-account", "proveedores");
  await page.getByTestId("amount").fill("5.000.000");
  await chooseOption(page, "bank", "BANCOLOMBIA");
  const account = String(Date.now()).slice(-11);
  await page.getByTestId("account-number").fill(account);
  await page.getByTestId("payee-name").fill("María Fernanda Gómez");
  await page.getByTestId("document-number").fill("1020304050");
  await page.getByTestId("reason").fill("Supplier invoice 2026-118, paid by ACH");
  await page.getByTestId("ticket-ref").fill("OPS-4411");

  // The guard's verdict is shown before submitting: one approver, fees, timing.
  await expect(page.getByTestId("guard-preview")).toHaveAttribute("data-tier", "one_approver");
  await expect(page.getByTestId("preview-fee")).toHaveText("$ 22.000"); // 2,000 ACH + 4×1000 of 5,000,000
  await expect(page.getByTestId("preview-total")).toHaveText("$ 5.022.000");
  await page.evaluate(() => window.scrollTo(0, 0));
  await shot(page, "payout-new");

  await page.getByTestId("submit-payout").click();
  await expect(page).toHaveURL(/\/operations\/op_[A-Za-z0-9]{22}\?created=1$/);
  const id = /op_[A-Za-z0-9]{22}/.exec(page.url())![0];
  await expect(page.getByTestId("state-badge")).toHaveAttribute("data-state", "pending_approval");
  await expect(page.getByTestId("state-meaning")).toHaveText(
    "Waiting for approval; nothing has been sent.",
  );
  await expect(page.getByTestId("beneficiary-account")).toContainText(account.slice(-4));
  await expect(page.getByTestId("beneficiary-account")).not.toContainText(account);
  // The maker cannot approve their own payout.
  await expect(page.getByTestId("decision-panel")).toHaveCount(0);
  await shot(page, "operation-pending");

  // The approver, in another browser context, finds it in "waiting for me" with its context pack.
  const ctx = await browser.newContext();
  const approver = await ctx.newPage();
  await signIn(approver, "approver");
  await approver
    .getByRole("navigation", { name: "Main" })
    .getByRole("link", { name: "Approvals" })
    .click();
  await expect(approver.getByTestId(`approval-row-${id}`)).toBeVisible();
  await approver.getByTestId(`review-toggle-${id}`).click();
  const review = approver.getByTestId(`review-${id}`);
  await expect(review.getByTestId("context-pack")).toContainText("Supplier invoice 2026-118");
  await expect(review.getByTestId("balance-after")).toContainText("$");
  await review.getByTestId("decision-comment").fill("Invoice checked against the PO");
  await shot(approver, "approvals");
  await review.getByTestId("approve").click();
  await expect(approver.getByTestId("decision-results")).toContainText(
    `${id}: approved; the operation is now`,
  );
  await expect(approver.getByTestId(`approval-row-${id}`)).toHaveCount(0);
  await ctx.close();

  // The operator's page refreshes itself while the payout moves: accepted by Mono, then settled
  // (sandbox ACH ~31 s after creation, the console's settlement poller every 10 s).
  await expect(page.getByTestId("state-badge")).toHaveAttribute(
    "data-state",
    /approved|sending|accepted|settled/,
    { timeout: 15_000 },
  );
  await expect(page.getByTestId("state-badge")).toHaveAttribute("data-state", "settled", {
    timeout: 90_000,
  });
  await expect(page.getByTestId("state-meaning")).toHaveText(
    "Settled: Mono confirms the money moved.",
  );
  await expect(page.getByTestId("approvals")).toContainText("Invoice checked against the PO");
  await expect(page.getByTestId("attempts")).toContainText("req_");
  await page.getByTestId("reveal").click();
  await page.getByTestId("reveal-reason").fill("E2E check of the reveal flow");
  await page.getByTestId("reveal-submit").click();
  await expect(page.getByTestId("beneficiary-account")).toContainText(account);
  await shot(page, "operation-detail");

  await page.goto(`/payouts?state=settled`);
  await expect(page.getByTestId(`operation-row-${id}`)).toBeVisible();
  await shot(page, "payouts-list");
});

test("a viewer sees no create button and the API refuses their payout", async ({ page }) => {
  await signIn(page, "viewer");
  await page.goto("/payouts");
  await expect(page.getByRole("heading", { name: "Payouts" })).toBeVisible();
  await expect(page.getByTestId("new-payout")).toHaveCount(0);
  await page.goto("/payouts/new");
  await expect(page.getByTestId("forbidden")).toBeVisible();
  // Same-origin, as the console's own pages send it: the role, not the origin rule, refuses it.
  const res = await page.request.post("/api/operations/payouts", {
    headers: { "Idempotency-Key": randomUUID(), Origin: E2E_BASE_URL },
    data: {
      sourceAccountId: "lacc_4PagosProveedores9aBcD",
      method: "co_ach",
      amount: 100_000,
      currency: "COP",
      beneficiary: {
        bankCode: "1007",
        accountType: "savings_account",
        accountNumber: "12345678901",
        name: "X",
        documentType: "CC",
        documentNumber: "1020304050",
      },
      reason: "viewer tries",
    },
  });
  expect(res.status()).toBe(403);
  expect((await res.json()).code).toBe("forbidden");
});

test("an admin sees the policy with the kill switch", async ({ page }) => {
  await signIn(page, "admin");
  await page.goto("/settings");
  await expect(page.getByTestId("kill-switch")).toHaveAttribute("data-on", "false");
  await expect(page.getByTestId("policy-tiers.oneApproverMax")).toHaveValue("20.000.000");
  await shot(page, "settings");
});
