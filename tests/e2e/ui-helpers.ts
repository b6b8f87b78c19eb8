import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { E2E_BASE_URL } from "../../playwright.config";

// Writes through the signed-in page's cookies, as the browser would send them.
export async function apiWrite(
  page: Page,
  method: "POST" | "PUT",
  path: string,
  data: unknown,
): Promise<{ status: number; json: unknown }> {
  const res = await page.request.fetch(path, {
    method,
    data,
    headers: { "idempotency-key": randomUUID(), origin: E2E_BASE_URL },
  });
  return { status: res.status(), json: await res.json().catch(() => null) };
}

const digits = (n: number) =>
  Array.from({ length: n }, () => Math.floor(Math.random() * 10)).join("");

/** A payout (5,000,000 COP: one approver) made by the signed-in operator. */
export async function createPayout(page: Page, amountPesos = 5_000_000): Promise<string> {
  const r = await apiWrite(page, "POST", "/api/operations/payouts", {
    sourceAccountId: "lacc_4PagosProveedores9aBcD",
    method: "co_ach",
    amount: amountPesos * 100,
    currency: "COP",
    beneficiary: {
      bankCode: "1007",
      accountType: "savings_account",
      accountNumber: digits(11),
      name: "Proveedor UI SAS",
      documentType: "CC",
      documentNumber: "1020304050",
    },
    reason: "UI e2e: supplier invoice",
  });
  expect(r.status, JSON.stringify(r.json)).toBe(201);
  return (r.json as { operation: { id: string } }).operation.id;
}

/** A transfer batch of `rows` small rows (below the approval tier: sent at once). */
export async function createBatch(page: Page, rows: number): Promise<string> {
  const accounts = (await (await page.request.get("/api/mono/accounts")).json()) as {
    bankAccounts: { id: string }[];
  };
  const r = await apiWrite(page, "POST", "/api/operations/transfers", {
    sourceAccountId: accounts.bankAccounts[0].id,
    mode: "create",
    routing: "ach",
    currency: "COP",
    rows: Array.from({ length: rows }, (_, i) => ({
      amount: (1_000 + i) * 100,
      beneficiary: {
        bankCode: "1007",
        accountType: "savings_account",
        accountNumber: digits(12),
        name: `Beneficiario ${i + 1}`,
        documentType: "CC",
        documentNumber: `10${digits(8)}`,
      },
    })),
    reason: `UI e2e: ${rows}-row batch`,
  });
  expect(r.status, JSON.stringify(r.json).slice(0, 500)).toBe(201);
  return (r.json as { operation: { id: string } }).operation.id;
}

export async function waitForState(page: Page, id: string, state: string, timeout = 150_000) {
  await expect
    .poll(
      async () =>
        (
          (await (await page.request.get(`/api/operations/${id}`)).json()) as {
            operation: { state: string };
          }
        ).operation.state,
      { timeout, intervals: [1_000, 2_000, 3_000] },
    )
    .toBe(state);
}

/** Turns the guard's kill switch on or off (admin session). */
export async function setKillSwitch(page: Page, on: boolean) {
  const policy = (await (await page.request.get("/api/policy")).json()) as {
    version: number;
    settings: Record<string, unknown>;
  };
  if (policy.settings.killSwitch === on) return;
  const r = await apiWrite(page, "PUT", "/api/policy", {
    settings: { ...policy.settings, killSwitch: on },
    expectedVersion: policy.version,
    reason: on ? "UI e2e: pause sending" : "UI e2e: resume sending",
  });
  expect(r.status, JSON.stringify(r.json)).toBe(200);
}

/** Page width against the viewport, and every scrolling table region that overflows sideways. */
export async function sidewaysOverflow(page: Page) {
  return page.evaluate(() => ({
    page: document.documentElement.scrollWidth,
    viewport: window.innerWidth,
    regions: [...document.querySelectorAll<HTMLElement>('[role="region"]')]
      .filter((r) => r.scrollWidth > r.clientWidth + 1)
      .map((r) => `${r.getAttribute("aria-label")}: ${r.scrollWidth} > ${r.clientWidth}`),
  }));
}
