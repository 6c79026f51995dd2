import { expect, test } from "@playwright/test";
import { newAccount, submitSignIn } from "./helpers/accounts";

const DEBATE = "/carnet-de-josee/fermer-les-commentaires-ou-apprendre-a-les-tenir";

test("[READING]: the home lists the network's blogs and latest articles @both", async ({ page }) => {
  await page.goto("/");
  const blogs = page.getByRole("region", { name: "Blogues" });
  await expect(blogs.getByRole("link")).toHaveText(["Chroniques numériques", "Le carnet de Josée", "Open Margins"]);
  const latest = page.getByRole("region", { name: "Derniers articles" });
  await expect(latest.getByRole("listitem").first()).toBeVisible();
});

test("[READING]: the demo article shows its title and its nested discussion @both", async ({ page }) => {
  await page.goto(DEBATE);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    /^Fermer les commentaires\s\?\sNon\s:\sapprendre à les tenir$/,
  );
  const discussion = page.getByRole("region", { name: /Discussion/ });
  await expect(discussion).toContainText("commentaires");
  // Sylvain Dionne thanks Josée for citing him, and replies nest five levels deep.
  const bySylvain = discussion.locator("article", {
    has: page.getByRole("link", { name: "Sylvain Dionne", exact: true }),
  });
  await expect(bySylvain.first()).toContainText("Merci d");
  await expect(discussion.locator('li[data-depth="5"]').first()).toBeVisible();
  await expect(discussion.locator('li[data-depth="6"]')).toHaveCount(0);
  // The comment held for moderation is not shown to readers.
  await expect(discussion).not.toContainText("Réjean Gagnon");
});

test("[READING]: the interface switches between French and English", async ({ page }) => {
  await page.goto(DEBATE);
  await page.getByRole("button", { name: "Read in English" }).click();
  await expect(page.getByRole("heading", { name: /^Discussion/ })).toContainText("comments");
  await page.getByRole("button", { name: "Lire en français" }).click();
  await expect(page.getByRole("heading", { name: /^Discussion/ })).toContainText("commentaires");
});

test("[READING]: an unknown article is a 404 that leads back home", async ({ page }) => {
  const response = await page.goto("/carnet-de-josee/nothing-here");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("link", { name: "Aller à l’accueil" })).toBeVisible();
});

test("[READING]: a blog's pages speak its language unless the reader chose one", async ({ page }) => {
  await page.goto("/open-margins");
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await page.goto("/carnet-de-josee");
  await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();
  await page.goto("/open-margins");
  await page.getByRole("button", { name: "Lire en français" }).click();
  await expect(page.getByRole("link", { name: "Se connecter" })).toBeVisible();
  // Chosen once, remembered everywhere: the English blog's articles, and its 410 page.
  await page.goto("/open-margins/reading-the-local-paper-in-my-second-language");
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
});

test("[READING]: a signed-in reader's language choice follows their account to another device", async ({
  page,
  browser,
}) => {
  const who = await newAccount(page);
  await page.goto("/carnet-de-josee");
  await page.getByRole("button", { name: "Read in English" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "en");

  const elsewhere = await browser.newContext({ locale: "fr-CA" });
  const other = await elsewhere.newPage();
  await submitSignIn(other, who.email, who.password);
  await expect(other.getByRole("link", { name: who.name })).toBeVisible();
  await other.goto("/carnet-de-josee");
  await expect(other.locator("html")).toHaveAttribute("lang", "en");
  await elsewhere.close();
});

test("[READING]: a tag belongs to a language: the English tag's page speaks English and lists English articles", async ({
  page,
}) => {
  await page.goto("/open-margins/moderation-is-editorial-work");
  await page.locator("a.p-category", { hasText: /^moderation$/ }).click();
  await expect(page).toHaveURL(/\/tags\/moderation-en$/);
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.locator("main a[href^='/open-margins/']").first()).toBeVisible();
  await expect(page.locator("main a[href^='/carnet-de-josee/'], main a[href^='/chroniques-numeriques/']")).toHaveCount(
    0,
  );
});

test("[READING]: on a French blog no line of the article or its discussion starts with ? ! ; : or »", async ({
  page,
}) => {
  await page.goto(DEBATE);
  const text = await page.locator("main").innerText();
  expect(text).toMatch(/[\u00A0\u202F][?:]/);
  expect(text.match(/(?:^|[ \t\n])[?!;:»].{0,30}/gm) ?? []).toEqual([]);
});

test("[READING]: a comment's own page continues its branch", async ({ page }) => {
  await page.goto(DEBATE);
  const id = (await page.locator("#discussion article[id^='comment-']").first().getAttribute("id"))!.slice(
    "comment-".length,
  );
  await page.goto(`${DEBATE}/comments/${id}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Suite de la discussion");
  await expect(page.locator(`#comment-${id}`)).toContainText("Merci d");
});

test("[READING]: on a 375 px phone the header is one row with its menu behind a button, the banner one line, discussions near the top", async ({
  page,
}) => {
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto("/");
  const header = page.locator("header").first();
  const menu = header.getByRole("button", { name: "Menu" });
  await expect(menu).toBeVisible();
  await expect(header.getByRole("link", { name: "Recherche" })).toBeHidden();
  // One row: the brand and the button side by side.
  const [brand, button] = [await header.getByRole("link").first().boundingBox(), await menu.boundingBox()];
  expect(Math.abs(brand!.y + brand!.height / 2 - (button!.y + button!.height / 2))).toBeLessThan(4);
  expect((await header.boundingBox())!.height).toBeLessThan(80);
  // The menu opens (a popover: no script needed) and its links work.
  await menu.click();
  await expect(header.getByRole("link", { name: "Recherche" })).toBeVisible();
  await header.getByRole("link", { name: "Recherche" }).click();
  await expect(page).toHaveURL(/\/search$/);

  // The demo banner: one line.
  const banner = page.getByRole("note").filter({ hasText: "Démo" });
  const lineHeight = await banner.evaluate((node) => parseFloat(getComputedStyle(node).lineHeight));
  const box = await banner.boundingBox();
  expect(box!.height).toBeLessThan(lineHeight * 2 + 16);

  // The search form uses the design system's fields and button; nothing overflows the width.
  const query = page.getByLabel("Mots à chercher");
  expect((await query.boundingBox())!.height).toBeGreaterThanOrEqual(44);
  await expect(page.getByRole("button", { name: "Chercher" })).toHaveClass(/\bbutton\b/);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);

  // Home: "being discussed" comes before the list of blogs.
  await page.goto("/");
  const discussed = (await page.getByRole("heading", { name: "On en discute" }).boundingBox())!.y;
  const blogs = (await page.getByRole("heading", { name: "Blogues", exact: true }).boundingBox())!.y;
  expect(discussed).toBeLessThan(blogs);

  // The article's sort tabs stay on one line.
  await page.goto(DEBATE);
  const tabs = page.getByRole("list", { name: "Trier les commentaires" }).getByRole("link");
  const tops = await tabs.evaluateAll((links) => links.map((link) => Math.round(link.getBoundingClientRect().top)));
  expect(new Set(tops).size).toBe(1);
});

test("[READING]: on a desktop the header shows its links without a menu button", async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto("/");
  const header = page.locator("header").first();
  await expect(header.getByRole("button", { name: "Menu" })).toBeHidden();
  await expect(header.getByRole("link", { name: "Recherche" })).toBeVisible();
});

test("[READING]: the pages are set in the shipped typefaces", async ({ page }) => {
  await page.goto(DEBATE);
  await page.evaluate(() => document.fonts.ready);
  const families = await page.evaluate(() => ({
    body: getComputedStyle(document.querySelector(".prose")!).fontFamily,
    ui: getComputedStyle(document.querySelector("header")!).fontFamily,
    loaded: [...document.fonts].filter((font) => font.status === "loaded").map((font) => font.family),
  }));
  expect(families.body).toMatch(/^"Source Serif 4"/);
  expect(families.ui).toMatch(/^Inter|^"Inter"/);
  expect(families.loaded.map((family) => family.replace(/"/g, ""))).toEqual(
    expect.arrayContaining(["Source Serif 4", "Inter"]),
  );
});

test("[READING]: a reader searches the comments too: filters to comments, sees the words highlighted, opens the comment @both", async ({
  page,
}) => {
  await page.goto("/search");
  await page.getByLabel("Mots à chercher").fill("golf");
  await page.getByRole("button", { name: "Chercher" }).click();
  // Everything: no article speaks of golf, two comments of the debate do.
  await expect(page).toHaveURL(/[?&]q=golf/);
  await expect(page.getByRole("region", { name: /^Articles/ })).toHaveCount(0);
  await expect(page.getByRole("region", { name: /^Commentaires/ })).toContainText("2 commentaires trouvés");

  // The filter is a plain form field: comments only.
  await page.getByLabel("Chercher dans").selectOption({ label: "Commentaires" });
  await page.getByRole("button", { name: "Chercher" }).click();
  await expect(page).toHaveURL(/[?&]type=comments/);
  await expect(page.getByLabel("Chercher dans")).toHaveValue("comments");
  await expect(page.locator("#search-count")).toHaveText("2 commentaires trouvés");
  const result = page.getByRole("listitem").filter({ hasText: "Josée Lavoie a commenté" });
  await expect(result.getByRole("heading")).toHaveText(
    /^Josée Lavoie a commenté «\u00a0Fermer les commentaires\s\?\sNon\s:\sapprendre à les tenir\u00a0»$/,
  );
  await expect(result.getByTestId("search-snippet").locator("mark")).toHaveText(["golf"]);
  await expect(result.getByTestId("search-snippet")).toContainText("tournoi de golf de la Chambre de commerce");

  // It leads to the comment itself, in its discussion.
  await result.getByRole("heading").getByRole("link").click();
  await expect(page).toHaveURL(/\/carnet-de-josee\/fermer-les-commentaires-ou-apprendre-a-les-tenir.*#comment-/);
  const id = new URL(page.url()).hash.slice(1);
  await expect(page.locator(`#${id}`)).toContainText("tournoi de golf");

  // The comment held for moderation is never found; a bad filter value is "everything", not an error.
  await page.goto("/search?q=censure+ar%C3%A9na&type=comments");
  await expect(page.getByText(/Aucun commentaire ne correspond/)).toBeVisible();
  const odd = await page.goto("/search?q=golf&type=%3Cscript%3E&offset=-4");
  expect(odd!.status()).toBe(200);
  await expect(page.getByLabel("Chercher dans")).toHaveValue("all");
  await expect(page.getByRole("region", { name: /^Commentaires/ })).toContainText("2 commentaires trouvés");
});
