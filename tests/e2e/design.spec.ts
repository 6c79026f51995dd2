import AxeBuilder from "@axe-core/playwright";
import { gzipSync } from "node:zlib";
import { expect, test, type Page } from "@playwright/test";

// Visual references: a change to how these pages look must update them on purpose
// (`npm run test:e2e -- --update-snapshots`); CI only compares.
const PAGES = [
  { name: "home", path: "/" },
  { name: "blog", path: "/carnet-de-josee" },
  { name: "article", path: "/carnet-de-josee/fermer-les-commentaires-ou-apprendre-a-les-tenir" },
  { name: "sign-in", path: "/login" },
  // Articles and comments found, with their highlighted snippets.
  { name: "search", path: "/search?q=hebdo" },
] as const;
const WIDTHS = { phone: { width: 375, height: 812 }, desktop: { width: 1280, height: 900 } } as const;
const SCHEMES = ["light", "dark"] as const;
const ARTICLE = PAGES[2].path;

async function open(page: Page, path: string) {
  await page.goto(path);
  await page.evaluate(() => document.fonts.ready);
}

for (const scheme of SCHEMES) {
  for (const [device, viewport] of Object.entries(WIDTHS)) {
    test.describe(`${scheme} ${device}`, () => {
      test.use({ colorScheme: scheme, viewport });
      for (const { name, path } of PAGES) {
        test(`[DESIGN]: ${name} looks as designed (${scheme}, ${device})`, async ({ page }) => {
          await open(page, path);
          // Times are relative ("il y a 2 mois") and move with the clock: masked.
          await expect(page).toHaveScreenshot(`${name}-${scheme}-${device}.png`, {
            fullPage: true,
            mask: [page.locator("time")],
            animations: "disabled",
          });
        });
        test(`[A11Y]: ${name} has no serious or critical axe violation (${scheme}, ${device})`, async ({ page }) => {
          await open(page, path);
          const results = await new AxeBuilder({ page }).analyze();
          const serious = results.violations
            .filter((v) => v.impact === "serious" || v.impact === "critical")
            .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
          expect(serious).toEqual([]);
        });
      }
    });
  }
}

test("[DESIGN]: the article is readable with JavaScript off, threads collapse without it", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(ARTICLE);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("Fermer les commentaires");
  // A thread's replies (the <details> right under a comment's list item), not a comment's report panel.
  const firstToggle = page.locator("#discussion li > details").first();
  await expect(firstToggle).toHaveAttribute("open", "");
  await firstToggle.locator("> summary").click();
  await expect(firstToggle).not.toHaveAttribute("open", "");
  await context.close();
});

test("[DESIGN]: the article page stays within its JavaScript and CSS budgets", async ({ page, request }) => {
  await page.goto(ARTICLE);
  const sources = await page.evaluate(() => ({
    // nomodule scripts are polyfills only browsers without ES modules download.
    scripts: [...document.querySelectorAll("script[src]:not([nomodule])")].map((s) => (s as HTMLScriptElement).src),
    styles: [...document.querySelectorAll('link[rel="stylesheet"]')].map((l) => (l as HTMLLinkElement).href),
  }));
  const gzipped = async (urls: string[]) => {
    let total = 0;
    for (const url of urls) total += gzipSync(await (await request.get(url)).body()).length;
    return total;
  };
  const js = await gzipped(sources.scripts);
  const css = await gzipped(sources.styles);
  test.info().annotations.push({
    type: "budget",
    description: `JS ${(js / 1024).toFixed(1)} KB gz, CSS ${(css / 1024).toFixed(1)} KB gz`,
  });
  expect(js).toBeLessThan(150 * 1024);
  expect(css).toBeLessThan(30 * 1024);
});

test("[DESIGN]: no layout shift while the article loads", async ({ page }) => {
  await page.goto(ARTICLE);
  await page.waitForLoadState("networkidle");
  const shift = await page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        let total = 0;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) {
            if (!entry.hadRecentInput) total += entry.value;
          }
        }).observe({ type: "layout-shift", buffered: true });
        setTimeout(() => resolve(total), 500);
      }),
  );
  expect(shift).toBeLessThan(0.02);
});

test("[DESIGN]: 320 px wide screens scroll only vertically", async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const { path } of PAGES) {
    await page.goto(path);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, path).toBeLessThanOrEqual(0);
  }
});

test("[DESIGN]: the theme switch is remembered, without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false, colorScheme: "light" });
  const page = await context.newPage();
  await page.goto("/");
  await expect(page.locator("html")).not.toHaveAttribute("data-theme");
  await page.getByRole("button", { name: "Thème : Auto" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  await page.getByRole("button", { name: "Thème : Clair" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await page.goto(ARTICLE);
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await context.close();
});

test("[DESIGN]: printing an article leaves out the site's chrome", async ({ page }) => {
  await page.goto(ARTICLE);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("banner")).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});

test("[A11Y]: the keyboard alone reaches the content, the discussion and the comment form", async ({ page }) => {
  await page.goto(ARTICLE);
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Aller au contenu" });
  await expect(skip).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/#main$/);
  // Every control of the page is reachable with Tab and shows where focus is.
  const form = page.getByLabel("Ajouter un commentaire");
  for (let i = 0; i < 400 && !(await form.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press("Tab");
  }
  await expect(form).toBeFocused();
  const outline = await form.evaluate((el) => getComputedStyle(el).outlineStyle);
  expect(outline).not.toBe("none");
});
