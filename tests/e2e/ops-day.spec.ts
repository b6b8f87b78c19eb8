import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";
import { E2E_BASE_URL } from "../../playwright.config";

// The ops team's day: a ticket that starts with a document number, and an approval that reaches
// the approver through the bell.

/** A payout created through the API with the page's session, as the console's own form sends it. */
async function createPayout(
  page: Page,
  o: { amount: number; account: string; document: string; reason: string },
): Promise<{ id: string; state: string }> {
  const res = await page.request.post("/api/operations/payouts", {
    headers: { "Idempotency-Key": randomUUID(), Origin: E2E_BASE_URL },
    data: {
      sourceAccountId: "lacc_4PagosProveedores9aBcD",
      method: "co_ach",
      amount: o.amount,
      currency: "COP",
      beneficiary: {
        bankCode: "1007",
        accountType: "savings_account",
        accountNumber: o.account,
        name: "Luisa Gómez",
        documentType: "CC",
        documentNumber: o.document,
      },
      reason: o.reason,
    },
  });
  expect(res.status(), await res.text()).toBe(201);
  return ((await res.json()) as { operation: { id: string; state: string } }).operation;
}

async function searchFor(page: Page, text: string) {
  await expect(async () => {
    await page.keyboard.press("Control+k");
    await expect(page.getByLabel("Search any id")).toBeFocused({ timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await page.getByLabel("Search any id").fill(text);
  await page.keyboard.press("Enter");
  return page.getByTestId("search-results");
}

test("a ticket: document number → beneficiary → latest payout → note with ticket → found by the ticket", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signIn(page, "operator");
  const stamp = String(Date.now());
  const document = `52${stamp.slice(-8)}`;
  const account = `31${stamp.slice(-9)}`;
  await createPayout(page, { amount: 40_000_00, account, document, reason: "Refund, order 1" });
  const latest = await createPayout(page, {
    amount: 75_500_00,
    account,
    document,
    reason: "Refund, order 2",
  });

  // "I am Luisa Gómez, CC 52…, my payment never arrived."
  await page.goto("/overview");
  const results = await searchFor(page, `CC ${document}`);
  const hit = results.getByTestId("hit-beneficiary");
  await expect(hit).toHaveCount(1);
  await expect(hit).toContainText(account.slice(-4));
  await expect(results).not.toContainText(account);
  await expect(results).not.toContainText(document);
  await hit.getByRole("link").first().click();

  await expect(page).toHaveURL(/\/beneficiaries\/ben_[0-9a-f]{32}$/);
  await expect(page.getByTestId("beneficiary-identity")).toContainText("Luisa Gómez");
  await expect(page.getByTestId("beneficiary-identity")).not.toContainText(document);
  // Newest first: the first payment row is the latest payout.
  const firstLink = page.locator('a[href^="/operations/op_"]').first();
  await expect(firstLink).toHaveAttribute("href", `/operations/${latest.id}`);
  await firstLink.click();

  await expect(page).toHaveURL(new RegExp(`/operations/${latest.id}$`));
  // Letters and digits: a run of six digits or more in a note is masked like an account number.
  const ticket = `ZD-${Date.now().toString(36).toUpperCase()}`;
  const notes = page.getByTestId("notes-panel");
  await notes.getByLabel("Add a note").fill(`Luisa called: payment not received (${ticket}).`);
  await notes.getByRole("button", { name: "Add note" }).click();
  await expect(notes.getByTestId("notes")).toContainText(`payment not received (${ticket})`);
  await notes.getByLabel("Ticket reference, e.g. ZD-4821").fill(ticket);
  await notes.getByRole("button", { name: "Link ticket" }).click();
  await expect(notes.getByTestId("ticket-links")).toContainText(ticket);

  // A colleague picks the ticket up later: the reference alone finds the payout.
  await page.goto("/overview");
  const again = await searchFor(page, ticket);
  await expect(again.getByTestId("hit-operation")).toContainText(latest.id);
  await again.getByTestId("hit-operation").getByRole("link").first().click();
  await expect(page).toHaveURL(new RegExp(`/operations/${latest.id}`));
  await expect(page.getByTestId("notes")).toContainText(ticket);
});

test("an approval: the approver's bell → the operation → approved; the maker's bell says so", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  await signIn(page, "operator");
  const stamp = String(Date.now());
  const op = await createPayout(page, {
    amount: 5_000_000_00,
    account: `32${stamp.slice(-9)}`,
    document: `10${stamp.slice(-8)}`,
    reason: "Supplier invoice 2026-204",
  });
  expect(op.state).toBe("pending_approval");

  const ctx = await browser.newContext();
  const approver = await ctx.newPage();
  await signIn(approver, "approver");
  const bell = approver.getByTestId("notification-bell");
  await expect(bell).toHaveAccessibleName(/Notifications, \d+ unread/);
  await bell.click();
  const item = approver
    .getByTestId("notification-list")
    .locator(`a[href="/operations/${op.id}"]`)
    .first();
  await expect(item).toBeVisible();
  await item.click();

  await expect(approver).toHaveURL(new RegExp(`/operations/${op.id}$`));
  const panel = approver.getByTestId("decision-panel");
  await panel.getByTestId("decision-comment").fill("Invoice matches the purchase order");
  await panel.getByTestId("approve").click();
  await expect(approver.getByTestId("state-badge")).toHaveAttribute(
    "data-state",
    /approved|sending|accepted|settled/,
    { timeout: 20_000 },
  );
  await ctx.close();

  // The maker is told: a decision notification on their own operation, with the comment.
  await page.goto("/overview");
  await page.getByTestId("notification-bell").click();
  const decision = page
    .getByTestId("notification-list")
    .locator(`a[href="/operations/${op.id}"]`)
    .first();
  await expect(decision).toContainText(/approved/i);
  await expect(decision).toContainText("Invoice matches the purchase order");
});
