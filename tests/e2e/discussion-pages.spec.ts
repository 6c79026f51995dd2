// A long discussion in pages (issue 12, item 1). The debate's blog shows 5 top-level threads per
// page for these journeys (its settings form), put back to the default 50 at the end so other
// journeys read the debate whole.
import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signIn } from "./helpers/accounts";

const DEBATE = "/carnet-de-josee/fermer-les-commentaires-ou-apprendre-a-les-tenir";
const SETTINGS = "/write/carnet-de-josee/settings";

async function setCommentsPerPage(page: Page, value: string) {
  await page.goto(SETTINGS);
  await page.getByLabel("Commentaires de premier niveau par page").fill(value);
  await page.getByRole("button", { name: "Enregistrer les réglages" }).click();
  await expect(page.getByText("C’est enregistré.")).toBeVisible();
}

const topLevel = (page: Page) => page.locator('#discussion li[data-depth="1"] > article.h-entry');

test("[DISCUSSION]: a long discussion in pages: plain links, “show more”, permalinks and old anchors", async ({
  browser,
  page,
}) => {
  await signIn(page, "josee@demo.tribune.test");
  await setCommentsPerPage(page, "5");
  try {
    // Without JavaScript: five threads, then a link to the next page, which holds the others.
    const plain = await browser.newContext({ javaScriptEnabled: false, locale: "fr-CA" });
    const reader = await plain.newPage();
    await reader.goto(DEBATE);
    await expect(topLevel(reader)).toHaveCount(5);
    const pages = reader.getByRole("navigation", { name: "Pages de la discussion" });
    await expect(pages.getByText("Page 1 sur 2")).toBeVisible();
    const firstPage = await topLevel(reader).evaluateAll((nodes) => nodes.map((node) => node.id));
    await pages.getByRole("link", { name: "Page 2" }).click();
    await expect(reader).toHaveURL(/\?page=2#discussion$/);
    await expect(topLevel(reader).first()).toBeVisible();
    const secondPage = await topLevel(reader).evaluateAll((nodes) => nodes.map((node) => node.id));
    expect(secondPage.filter((id) => firstPage.includes(id))).toEqual([]);
    // A reply on page 2 opens its form on page 2.
    await topLevel(reader).first().getByRole("link", { name: "Répondre" }).click();
    await expect(reader).toHaveURL(/\?page=2&reply=/);
    await expect(reader.getByRole("combobox", { name: "Répondre" })).toBeVisible();
    await plain.close();

    // With JavaScript: "show more" appends page 2 under page 1, without leaving the page.
    await page.goto(DEBATE);
    await expect(topLevel(page)).toHaveCount(5);
    await page.getByRole("link", { name: "Afficher plus de commentaires" }).click();
    // The blog's owner also reads the held comments: at least the visitor's page 2 comes in.
    await expect(topLevel(page).nth(4 + secondPage.length)).toBeVisible();
    for (const id of secondPage) await expect(page.locator(`#${id}`)).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`${DEBATE}$`));
    await expect(page.getByRole("link", { name: "Afficher plus de commentaires" })).toHaveCount(0);

    // A permalink, and an old #comment- link to page 1, both land on page 2 at the comment.
    const target = secondPage[0]!;
    const id = target.replace(/^comment-/, "");
    await page.goto(`${DEBATE}/c/${id}`);
    await expect(page).toHaveURL(new RegExp(`\\?page=2#${target}$`));
    await expect(page.locator(`#${target}`)).toBeVisible();
    await page.goto(`${DEBATE}#${target}`);
    await expect(page).toHaveURL(new RegExp(`\\?page=2#${target}$`));
    await expect(page.locator(`#${target}`)).toBeVisible();
    // The comment's own link (its time) is its permalink.
    await expect(page.locator(`#${target} a.u-url`)).toHaveAttribute("href", `${DEBATE}/c/${id}`);
  } finally {
    await setCommentsPerPage(page, "50");
  }
});
