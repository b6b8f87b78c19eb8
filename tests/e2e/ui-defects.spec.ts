import { expect, test } from "@playwright/test";
import { DEMO, signIn } from "./helpers";
import { E2E_DEMO_PASSWORD } from "../../playwright.config";
import {
  createBatch,
  createPayout,
  setKillSwitch,
  sidewaysOverflow,
  waitForState,
} from "./ui-helpers";

// The defects of issue #19, one test each (each failed before its fix).

test("a settled 200-row batch says settled everywhere: rows' Mono state, no estimate, webhooks grouped, timeline with the status", async ({
  page,
}) => {
  test.setTimeout(240_000);
  await signIn(page, "operator");
  const id = await createBatch(page, 200);
  await page.goto(`/operations/${id}`);
  await expect(page.getByTestId("state-badge")).toHaveAttribute("data-state", "settled", {
    timeout: 180_000,
  });
  // The timeline is re-read with the status card: the settlement is on it at once.
  await expect(page.getByTestId("timeline")).toContainText(/settled/i, { timeout: 4_000 });
  await expect(page.getByTestId("mono-state")).not.toContainText("processing_transactions");
  await expect(page.getByTestId("mono-state")).toContainText("200");
  await expect(page.getByTestId("total-debited")).not.toContainText("(estimate)");
  // Identical webhook lines are one group with a count, not ~200 rows.
  const timeline = page.getByTestId("timeline");
  await expect
    .poll(async () => timeline.locator(":scope > [data-testid='event-webhook']").count(), {
      timeout: 30_000,
    })
    .toBeLessThan(20);
  await page.screenshot({ path: "/tmp/ui-batch-settled.png", fullPage: true });
});

test("a permalink opened signed out lands on that page after sign-in", async ({ page }) => {
  const target = "/payouts?state=settled&range=7d";
  await page.goto(target);
  await expect(page).toHaveURL(/\/login\?callbackUrl=/);
  expect(new URL(page.url()).searchParams.get("callbackUrl")).toBe(target);
  await page.getByLabel("Email").fill(DEMO.viewer);
  await page.getByLabel("Password").fill(E2E_DEMO_PASSWORD);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`${target.replace(/[?]/g, "\\?")}$`));
  await expect(page.getByRole("heading", { name: "Payouts", level: 1 })).toBeVisible();
});

test("at 1024 px the console fits: Approvals' Review buttons are on screen, the search box is usable, no page scrolls sideways", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const maker = await browser.newPage();
  await signIn(maker, "operator");
  const id = await createPayout(maker);
  await maker.close();

  await page.setViewportSize({ width: 1024, height: 800 });
  await signIn(page, "approver");
  await page.goto("/approvals");
  const review = page.getByTestId(`review-toggle-${id}`);
  await expect(review).toBeVisible();
  const box = (await review.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(1024);
  const search = (await page.getByLabel("Search any id").boundingBox())!;
  expect(search.width).toBeGreaterThan(250);
  await page.screenshot({ path: "/tmp/ui-1024-approvals.png" });
  for (const path of ["/approvals", "/payouts", "/transfers", "/requests", "/webhooks"]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await page.waitForLoadState("networkidle");
    const o = await sidewaysOverflow(page);
    expect(o.page, `${path} is ${o.page} px wide`).toBeLessThanOrEqual(o.viewport);
    expect(o.regions, `${path}: tables that scroll sideways`).toEqual([]);
  }
});

test("an unknown operation is the console's not-found page with one heading and no polling; unknown addresses get the console's 404; the favicon exists", async ({
  page,
}) => {
  await signIn(page, "viewer");
  const asked: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/api/operations/op_")) asked.push(r.url());
  });
  // (A 200 status: the console streams its frame before the page finds no operation.)
  await page.goto("/operations/op_0000000000000000000000");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Not found");
  await expect(page.getByText(/no such operation/i)).toHaveCount(0);
  await expect(page.getByTestId("timeline")).toHaveCount(0);
  await page.waitForTimeout(2_000);
  expect(asked).toEqual([]);

  const other = await page.goto("/no-such-page");
  expect(other?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");

  const icon = await page.request.get("/favicon.ico");
  expect(icon.status()).toBe(200);
  expect(icon.headers()["content-type"]).toMatch(/image/);
});

test("with the kill switch on, every page says so and the payout preview does not promise sending", async ({
  page,
  browser,
}) => {
  test.setTimeout(90_000);
  await signIn(page, "admin");
  await setKillSwitch(page, true);
  try {
    const op = await browser.newPage();
    await signIn(op, "operator");
    for (const path of ["/overview", "/payouts", "/requests"]) {
      await op.goto(path);
      await expect(op.getByTestId("kill-switch-banner")).toBeVisible();
    }
    await op.goto("/payouts/new");
    await op.getByTestId("amount").fill("10.000");
    await expect(op.getByTestId("guard-preview")).toHaveAttribute("data-tier", "none");
    await expect(op.getByTestId("tier-text")).not.toContainText("sent as soon as you submit");
    await expect(op.getByTestId("tier-text")).toContainText("kill switch is ON");
    await expect(op.getByTestId("submit-payout")).toContainText("sending is paused");
    await op.close();
  } finally {
    await setKillSwitch(page, false);
  }
  await page.goto("/overview");
  await expect(page.getByTestId("kill-switch-banner")).toHaveCount(0);
});

test("a role change and disabling a user are confirmed first; cancelling changes nothing", async ({
  page,
}) => {
  await signIn(page, "admin");
  await page.goto("/users");
  const row = page.getByTestId(`user-row-${DEMO.viewer}`);
  await row.getByLabel(`Role of ${DEMO.viewer}`).selectOption("approver");
  const dialog = page.getByTestId("user-confirm");
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("session they have open ends now");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  await expect(row.getByLabel(`Role of ${DEMO.viewer}`)).toHaveValue("viewer");

  await row.getByRole("button", { name: "Disable" }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("signed out everywhere");
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(row).toContainText("active");
});

test("the operation page has copy buttons for the operation id, Mono id, idempotency key and external id", async ({
  page,
}) => {
  await signIn(page, "operator");
  const id = await createPayout(page, 50_000);
  await page.goto(`/operations/${id}`);
  await waitForState(page, id, "settled", 120_000);
  await page.reload();
  for (const label of [
    "Copy operation id",
    "Copy mono id",
    "Copy idempotency key",
    "Copy external id",
  ])
    await expect(page.getByRole("button", { name: new RegExp(`^${label} `) })).toBeVisible();
  await page.getByTestId("copy-operation-id").click();
  await expect(page.getByTestId("copy-operation-id")).toHaveAttribute("title", "Copied");
});
