// `npm run screenshots`: the README's pictures, taken from a running console in the system
// Chromium. Start the console first (e.g. `PORT=3300 DEMO_PASSWORD=screenshots-2026 npm start`),
// then `CONSOLE_URL=http://localhost:3300 DEMO_PASSWORD=screenshots-2026 npm run screenshots`.
// Writes docs/screenshots/<locale>/*.png for es-CO and en (LOCALES=es-CO to take one language).
import { randomUUID } from "node:crypto";
import { mkdirSync } from "node:fs";
import path from "node:path";
import { chromium, type BrowserContext, type Page } from "@playwright/test";

const base = process.env.CONSOLE_URL ?? "http://localhost:3000";
const locales = (process.env.LOCALES ?? "es-CO,en").split(",");
const password = process.env.DEMO_PASSWORD ?? "";
if (!password) throw new Error("DEMO_PASSWORD: the demo users' password the console printed");

const email = (role: string) => `${role}@demo.mono-ops.test`;

async function signedIn(ctx: BrowserContext, role: string): Promise<Page> {
  // Through the sign-in API (next-auth's credentials flow), as the form posts it.
  const page = await ctx.newPage();
  const csrf = (await (await page.request.get(`${base}/api/auth/csrf`)).json()) as {
    csrfToken: string;
  };
  const res = await page.request.post(`${base}/api/auth/callback/credentials`, {
    form: { csrfToken: csrf.csrfToken, email: email(role), password, json: "true" },
    headers: { origin: base },
  });
  if (!res.ok()) throw new Error(`sign-in as ${role}: ${res.status()}`);
  return page;
}

async function payout(page: Page, amountPesos: number, document: string, account: string) {
  const res = await page.request.post(`${base}/api/operations/payouts`, {
    headers: { "idempotency-key": randomUUID(), origin: base },
    data: {
      sourceAccountId: "lacc_4PagosProveedores9aBcD",
      method: "co_ach",
      amount: amountPesos * 100,
      currency: "COP",
      beneficiary: {
        bankCode: "1007",
        accountType: "savings_account",
        accountNumber: account,
        name: "Luisa Fernanda Gómez",
        documentType: "CC",
        documentNumber: document,
        email: "luisa.gomez@example.co",
      },
      reason: "Reembolso pedido 2026-4471",
    },
  });
  if (res.status() !== 201) throw new Error(`payout: ${res.status()} ${await res.text()}`);
  return ((await res.json()) as { operation: { id: string } }).operation.id;
}

async function shoot(page: Page, dir: string, name: string) {
  await page.waitForLoadState("networkidle");
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: false });
  console.log(`  ${name}.png`);
}

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu"],
  });
  for (const locale of locales) {
    const dir = path.resolve("docs/screenshots", locale);
    mkdirSync(dir, { recursive: true });
    console.log(`${locale}:`);
    const context = async () => {
      const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale });
      await ctx.addCookies([{ name: "locale", value: locale, url: base }]);
      return ctx;
    };

    const anon = await (await context()).newPage();
    await anon.goto(`${base}/login`);
    await shoot(anon, dir, "login");

    const ctx = await context();
    const operator = await signedIn(ctx, "operator");
    const stamp = String(Date.now());
    const document = `52${stamp.slice(-8)}`;
    const account = `31${stamp.slice(-9)}`;
    await payout(operator, 180_000, document, account);
    const latest = await payout(operator, 5_000_000, document, account);
    await operator.goto(`${base}/payouts/new`);
    await shoot(operator, dir, "payout-new");
    await operator.goto(`${base}/operations/${latest}`);
    await shoot(operator, dir, "operation-detail");
    await operator.goto(`${base}/search?q=${encodeURIComponent(`CC ${document}`)}`);
    await operator.locator('a[href^="/beneficiaries/"]').first().click();
    await operator.waitForURL(/\/beneficiaries\//);
    await shoot(operator, dir, "beneficiary");
    await operator.goto(`${base}/overview`);
    await shoot(operator, dir, "overview");

    const approverCtx = await context();
    const approver = await signedIn(approverCtx, "approver");
    await approver.goto(`${base}/approvals`);
    await approver.getByTestId("notification-bell").click();
    await shoot(approver, dir, "inbox");
    await approver.goto(`${base}/requests`);
    await shoot(approver, dir, "requests");
    await Promise.all([ctx.close(), approverCtx.close(), anon.context().close()]);
  }
  await browser.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
