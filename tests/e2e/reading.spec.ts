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
