import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { A11Y_PAGES, createPageIds, pagePath } from "./a11y-pages";
import { signIn, type TDemoRole } from "./helpers";
import { E2E_BASE_URL } from "../../playwright.config";
import { NAMESPACES } from "../../i18n/namespaces";
import { PERMISSIONS } from "../../lib/auth/permissions";

// Spanish (es-CO) and English: the language each person gets, the picker, and a walk through every
// page in Spanish that fails on a message key shown instead of its text or on an English sentence
// from the catalogue.

const catalogue = (locale: string) =>
  Object.fromEntries(
    NAMESPACES.map((ns) => [
      ns,
      JSON.parse(readFileSync(path.resolve("messages", locale, `${ns}.json`), "utf8")),
    ]),
  ) as Record<string, unknown>;

function leaves(o: unknown, prefix = "", out = new Map<string, string>()) {
  if (typeof o === "string") out.set(prefix, o);
  else if (o && typeof o === "object")
    for (const [k, v] of Object.entries(o)) leaves(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

const EN = leaves(catalogue("en"));
const ES = leaves(catalogue("es-CO"));
// English sentences that must not appear on a Spanish page: whole messages without arguments or
// markup, three words or more, that differ from their Spanish.
const ENGLISH_SENTENCES = [...EN.entries()]
  .filter(([key, en]) => !/[{<]/.test(en) && en.split(/\s+/).length >= 3 && ES.get(key) !== en)
  .map(([key, en]) => ({ key, en }));
// A message next-intl could not find is shown as its path ("payouts.form.title"); permission names
// ("users.manage") look alike and are data, not messages.
const KEY_SHAPE = new RegExp(`\\b(?:${NAMESPACES.join("|")})\\.[A-Za-z][\\w.]*[A-Za-z0-9]`, "g");
const NOT_KEYS = new Set<string>(Object.keys(PERMISSIONS));

async function useSpanish(page: Page) {
  await page
    .context()
    .addCookies([{ name: "locale", value: "es-CO", url: E2E_BASE_URL, sameSite: "Lax" }]);
}

test("/login answers in Spanish to Accept-Language es-CO, in English to en, and in Spanish by default", async ({
  request,
}) => {
  const login = async (lang?: string) => {
    const res = await request.get("/login", {
      headers: lang ? { "Accept-Language": lang } : { "Accept-Language": "" },
    });
    expect(res.status()).toBe(200);
    return res.text();
  };
  const es = await login("es-CO,es;q=0.9");
  expect(es).toContain('<html lang="es-CO"');
  expect(es).toContain("Iniciar sesión");
  expect(es).toContain("Contraseña");
  const en = await login("en");
  expect(en).toContain('<html lang="en"');
  expect(en).toContain("Sign in");
  expect(en).toContain("Password");
  expect(await login("de-DE")).toContain('<html lang="es-CO"');
});

test("a person switches the console to Spanish and back; the pick survives a reload", async ({
  page,
}) => {
  await signIn(page, "operator");
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Payouts" })).toBeVisible();
  await page.getByTestId("language-picker").selectOption("es-CO");
  await expect(page.locator("html")).toHaveAttribute("lang", "es-CO");
  const navEs = page.getByRole("navigation", { name: "Principal" });
  await expect(navEs.getByRole("link", { name: "Pagos" })).toBeVisible();
  await page.reload();
  await expect(navEs.getByRole("link", { name: "Aprobaciones" })).toHaveCount(0); // operator
  await expect(navEs.getByRole("link", { name: "Transferencias" })).toBeVisible();
  await expect(page.getByTestId("user-role")).toHaveText("operador");
  await page.getByTestId("language-picker").selectOption("en");
  await expect(nav.getByRole("link", { name: "Payouts" })).toBeVisible();
});

let ids: Record<string, string> = {};

test.describe("every page in Spanish", () => {
  test.beforeAll(async ({ browser }) => {
    ids = await createPageIds(browser);
  });

  for (const role of ["viewer", "operator", "approver", "admin"] as TDemoRole[])
    test(`${role}: no message key and no English catalogue sentence on any page`, async ({
      page,
    }) => {
      test.setTimeout(240_000);
      await signIn(page, role);
      await useSpanish(page);
      const found: { page: string; what: string }[] = [];
      for (const p of A11Y_PAGES.filter((x) => x.roles.includes(role))) {
        const url = pagePath(p, ids);
        await page.goto(url);
        await expect(page.locator("html")).toHaveAttribute("lang", "es-CO");
        await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
        await page.waitForLoadState("networkidle");
        // Words only: ids, codes and other data are shown in <code> (audit actions such as
        // "auth.login" look like message paths and are data).
        const text = await page.evaluate(() => {
          const hide = document.createElement("style");
          hide.textContent = "code, kbd { display: none !important; }";
          document.head.appendChild(hide);
          const t = document.body.innerText;
          hide.remove();
          return t;
        });
        const attrs = await page.evaluate(() =>
          [...document.querySelectorAll("[aria-label],[placeholder],[title]")]
            .flatMap((e) => ["aria-label", "placeholder", "title"].map((a) => e.getAttribute(a)))
            .filter(Boolean)
            .join("\n"),
        );
        const seen = `${text}\n${attrs}`;
        // (placeholders may show an example of data, e.g. an audit action to filter by)
        for (const key of text.match(KEY_SHAPE) ?? [])
          if (!NOT_KEYS.has(key)) found.push({ page: p.name, what: `key ${key}` });
        for (const { key, en } of ENGLISH_SENTENCES)
          if (seen.includes(en)) found.push({ page: p.name, what: `English "${en}" (${key})` });
      }
      expect(found, JSON.stringify(found, null, 1)).toEqual([]);
    });
});
