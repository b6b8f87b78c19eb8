import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

const CSV = [
  "amount,bank_code,account_type,account_number,name,document_type,document_number,description",
  '"150.000",1007,savings,11122233344,Ana María Ruiz,CC,1020304050,Reembolso 1',
  '"200.000,50",1051,checking,12AB5678,Carlos Pérez,CC,79811223,Reembolso 2',
  '"75.000",1013,savings,55566677788,Lucía Torres,CE,A1234567,Reembolso 3',
].join("\n");

test("transfers CSV: 3 rows, the bad account number is flagged inline, fixed, and the batch is accepted", async ({
  page,
}) => {
  await signIn(page, "operator");
  await page.goto("/transfers");
  await page.getByTestId("new-transfer").click();
  await expect(page).toHaveURL(/\/transfers\/new$/);

  const value = await page
    .getByTestId("source-account")
    .locator("option")
    .nth(1)
    .getAttribute("value");
  await page.getByTestId("source-account").selectOption(value!);
  await page.getByTestId("mode-create").check();
  await page.getByTestId("reason").fill("Customer refunds, batch E2E");
  await page
    .getByTestId("csv-input")
    .setInputFiles({ name: "refunds.csv", mimeType: "text/csv", buffer: Buffer.from(CSV) });

  await expect(page.getByTestId("batch-progress")).toHaveAttribute("data-stage", "ready");
  await expect(page.getByTestId("rows-summary")).toContainText("3 rows");
  await expect(page.getByTestId("rows-summary")).toContainText("1 with errors");
  await expect(page.getByTestId("row-1-accountNumber-error")).toHaveText("5 to 20 digits");
  await expect(page.getByTestId("row-0-accountNumber-error")).toHaveCount(0);
  await page.getByTestId("submit-transfers").click();
  await expect(page.getByTestId("rows-invalid")).toBeVisible();
  await page.screenshot({ path: "/tmp/ui-transfers-new.png", fullPage: true });

  await page.getByTestId("row-1-accountNumber").fill("12345678");
  await expect(page.getByTestId("rows-summary")).toContainText("all valid");
  await expect(page.getByTestId("batch-total")).toHaveText("$ 425.000,50");
  await expect(page.getByTestId("guard-preview")).toHaveAttribute("data-tier", "none");
  await page.getByTestId("submit-transfers").click();
  await expect(page.getByTestId("batch-created")).toBeVisible();
  await expect(page.getByTestId("batch-progress")).toHaveAttribute("data-stage", "accepted");
  await page.screenshot({ path: "/tmp/ui-transfers-created.png", fullPage: true });

  await page.getByRole("link", { name: "Follow its progress" }).click();
  await expect(page.getByTestId("items")).toContainText("Carlos Pérez");
  await page.screenshot({ path: "/tmp/ui-transfer-detail.png", fullPage: true });
});
