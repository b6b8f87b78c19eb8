import { AxeBuilder } from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { A11Y_PAGES, createPageIds, pagePath } from "./a11y-pages";
import { signIn, type TDemoRole } from "./helpers";
import { E2E_BASE_URL } from "../../playwright.config";

// axe-core on every console page as each role sees it (A11Y_PAGES), at 1440 and 1024 px in English
// and at 1440 px in Spanish: any serious or critical violation fails, with the rule, the page and
// the first elements.
const ROLES: TDemoRole[] = ["viewer", "operator", "approver", "admin"];

type TFound = {
  page: string;
  role: string;
  width: number;
  rule: string;
  impact: string;
  nodes: string[];
};

async function audit(page: Page): Promise<Omit<TFound, "page" | "role" | "width">[]> {
  const r = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  return r.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({
      rule: v.id,
      impact: v.impact!,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    }));
}

let ids: Record<string, string> = {};

test.beforeAll(async ({ browser }) => {
  ids = await createPageIds(browser);
});

// English at both widths, Spanish (es-CO) at the desktop width.
const PASSES = [
  { width: 1440, locale: "en" },
  { width: 1024, locale: "en" },
  { width: 1440, locale: "es-CO" },
] as const;

for (const { width, locale } of PASSES)
  for (const role of ROLES)
    test(`axe: every page ${role}s see, at ${width} px in ${locale}, has no serious or critical violation`, async ({
      page,
    }) => {
      test.setTimeout(240_000);
      await page.setViewportSize({ width, height: 900 });
      await signIn(page, role);
      await page
        .context()
        .addCookies([{ name: "locale", value: locale, url: E2E_BASE_URL, sameSite: "Lax" }]);
      const found: TFound[] = [];
      for (const p of A11Y_PAGES.filter((x) => x.roles.includes(role))) {
        const path = pagePath(p, ids);
        await page.goto(path);
        await expect(page.getByRole("heading", { level: 1 }).first()).toBeVisible();
        await page.waitForLoadState("networkidle");
        for (const v of await audit(page)) found.push({ page: p.name, role, width, ...v });
      }
      expect(found, JSON.stringify(found, null, 1)).toEqual([]);
    });

for (const lang of ["en", "es-CO"])
  test(`axe: the sign-in page in ${lang} has no serious or critical violation`, async ({
    browser,
  }) => {
    const ctx = await browser.newContext({ locale: lang });
    const page = await ctx.newPage();
    await page.goto("/login");
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    expect(await audit(page)).toEqual([]);
    await ctx.close();
  });
