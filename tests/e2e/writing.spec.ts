import { expect, test } from "./fixtures";
import { signIn } from "./helpers/accounts";

test("[WRITING]: an author writes, previews, schedules and publishes; a reader finds the article by search and in the feed", async ({
  page,
  browser,
}) => {
  const word = `patinoirezz${Date.now().toString(36)}`;
  await signIn(page, "priya@demo.tribune.test");
  await page.goto("/write/open-margins/posts");
  await page.getByRole("link", { name: "Nouvel article" }).click();
  await expect(page.getByLabel("Texte (Markdown)")).toBeVisible();
  await page.getByLabel("Titre", { exact: true }).fill(`Notes from the rink ${word}`);
  await page
    .getByLabel("Texte (Markdown)")
    .fill(
      `## A rink\n\nThe **${word}** opens at dawn, and [Josée wrote about it](/carnet-de-josee/ce-que-mon-hebdo-faisait-pour-nous).`,
    );
  // Live preview, from the server's own pipeline.
  await expect(page.getByTestId("preview").locator("strong")).toHaveText(word);
  await expect(page.getByTestId("save-status")).toContainText(/Enregistré à/, { timeout: 15_000 });

  // Scheduled for later: not public yet.
  const inAnHour = new Date(Date.now() + 3_600_000);
  const local = new Date(inAnHour.getTime() - inAnHour.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
  await page.getByLabel("Date et heure de publication").fill(local);
  await page.getByRole("button", { name: "Programmer" }).click();
  await expect(page.getByTestId("post-state")).toContainText("Programmé");
  const reader = await browser.newPage();
  await reader.goto("/open-margins");
  await expect(reader.getByText(word)).toHaveCount(0);

  await page.getByRole("button", { name: "Publier maintenant" }).click();
  await expect(page.getByTestId("post-state")).toContainText("Publié");

  await reader.goto(`/search?q=${word}`);
  const result = reader.getByRole("link", { name: new RegExp(`Notes from the rink ${word}`) });
  await expect(result).toBeVisible();
  await result.click();
  await expect(reader.getByRole("heading", { level: 1 })).toContainText("Notes from the rink");
  const feed = await reader.request.get("/open-margins/feed.xml");
  expect(await feed.text()).toContain(`Notes from the rink ${word}`);
  // The article it links to now lists it under "Cited by".
  await reader.goto("/carnet-de-josee/ce-que-mon-hebdo-faisait-pour-nous");
  await expect(reader.getByRole("region", { name: /Cité par/ })).toContainText(`Notes from the rink ${word}`);
  await reader.close();
});

test("[WRITING]: an author cannot open another blog's editor", async ({ page }) => {
  await signIn(page, "tom@demo.tribune.test");
  const response = await page.goto("/write/carnet-de-josee/posts");
  expect(response?.status()).toBe(404);
});

test("[WRITING]: a deleted article answers 410 Gone and leads the reader on; restoring brings it back", async ({
  page,
  request,
}) => {
  await signIn(page, "tom@demo.tribune.test");
  await page.goto("/write/open-margins/posts");
  await page.getByRole("link", { name: "Nouvel article" }).click();
  const title = `Short-lived ${Date.now().toString(36)}`;
  await page.getByLabel("Titre", { exact: true }).fill(title);
  await page.getByLabel("Texte (Markdown)").fill("Here today.");
  await page.getByRole("button", { name: "Publier maintenant" }).click();
  await expect(page.getByTestId("post-state")).toContainText("Publié");
  const path = new URL(
    await page.getByRole("link", { name: "Voir l'article" }).evaluate((a) => (a as HTMLAnchorElement).href),
  ).pathname;
  expect((await request.get(path)).status()).toBe(200);
  await page.getByRole("button", { name: "Supprimer" }).click();
  await expect(page.getByRole("button", { name: "Restaurer" })).toBeVisible();
  const gone = await request.get(path, { headers: { "accept-language": "fr-CA" } });
  expect(gone.status()).toBe(410);
  expect(await gone.text()).toContain('href="/open-margins"');
  await page.getByRole("button", { name: "Restaurer" }).click();
  await expect(page.getByTestId("post-state")).toContainText("Publié");
  expect((await request.get(path)).status()).toBe(200);
});

// A 1×1 PNG, as a browser would paste it.
const PIXEL = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);

test("[WRITING]: the editor is a writing surface: no empty drafts, shortcuts, images, word count, focus mode and a private preview", async ({
  page,
  browser,
}) => {
  await signIn(page, "priya@demo.tribune.test");
  await page.goto("/write/open-margins/posts");
  const drafts = page.getByTestId("posts-drafts").getByRole("listitem");
  const before = await drafts.count();
  await page.getByRole("link", { name: "Nouvel article" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nouvel article");
  const title = page.getByLabel("Titre", { exact: true });
  await expect(title).toHaveValue("");
  await expect(title).toHaveAttribute("placeholder", "Titre de l'article");
  // Opening the editor and leaving stores nothing.
  await page.goto("/write/open-margins/posts");
  await expect(drafts).toHaveCount(before);
  await page.getByRole("link", { name: "Nouvel article" }).click();

  const body = page.getByLabel("Texte (Markdown)");
  // As tall as the window, whatever the text.
  const height = (await body.boundingBox())!.height;
  expect(height).toBeGreaterThan(page.viewportSize()!.height * 0.6);
  await body.fill("Un mot");
  await body.press("Control+a");
  await body.press("Control+b");
  await expect(body).toHaveValue("**Un mot**");
  await body.press("End");
  await body.pressSequentially(" puis la suite");
  await expect(page.getByTestId("word-count")).toHaveText("5 mots");
  await body.press("Control+Alt+Digit2");
  await expect(body).toHaveValue("## **Un mot** puis la suite");
  // The first autosave creates the draft; the address and the heading follow.
  await expect(page).toHaveURL(/\/write\/open-margins\/posts\/[a-z0-9]+$/, { timeout: 15_000 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Modifier l'article");

  // An image chosen (or pasted, or dropped) goes up and into the text with its size.
  await body.press("Control+End");
  await page.getByRole("toolbar", { name: "Mise en forme" }).locator('input[type="file"]').setInputFiles({
    name: "pixel.png",
    mimeType: "image/png",
    buffer: PIXEL,
  });
  await expect(body).toHaveValue(/!\[pixel\]\(\/uploads\/[a-f0-9]{32}\.png#1x1\)/);
  await expect(page.getByTestId("preview").locator("img")).toHaveAttribute("width", "1");

  // Distraction-free: the text alone; Escape leaves.
  await page.getByRole("button", { name: "Écriture sans distraction" }).click();
  await expect(page.getByRole("heading", { name: "Aperçu", exact: true })).toBeHidden();
  await body.press("Escape");
  await expect(page.getByRole("heading", { name: "Aperçu", exact: true })).toBeVisible();

  const word = `apercuzz${Date.now().toString(36)}`;
  await title.fill(`Private ${word}`);
  await expect(page.getByTestId("save-status")).toContainText(/Enregistré à/, { timeout: 15_000 });
  const previewHref = await page
    .getByRole("link", { name: "Aperçu tel que les lecteurs le verront" })
    .getAttribute("href");
  await page.goto(previewHref!);
  await expect(page.getByTestId("preview-banner")).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Private ${word}`);
  // Another author of the blog, and anyone signed out, get nothing.
  const tom = await browser.newPage();
  await signIn(tom, "tom@demo.tribune.test");
  expect((await tom.goto(previewHref!))?.status()).toBe(404);
  await tom.close();
  await page.goBack();

  // Scheduled: the time zone is said, and the schedule can be cancelled.
  await expect(page.getByTestId("time-zone")).toContainText("America/Toronto");
  await page.getByRole("button", { name: "Programmer" }).click();
  await expect(page.getByTestId("post-state")).toContainText("Programmé");
  await page.getByRole("button", { name: "Annuler la programmation" }).click();
  await expect(page.getByTestId("post-state")).toContainText("Brouillon");

  // The list: newest first, with comment counts.
  await page.goto("/write/open-margins/posts");
  await expect(page.getByTestId("posts-drafts").getByRole("link", { name: `Private ${word}` })).toBeVisible();
  await expect(page.getByTestId("posts-published").getByTestId("comment-count").first()).toHaveText(/commentaire/);
});

test("[WRITING]: on a phone, the editor's tools fit the width", async ({ page }) => {
  await signIn(page, "priya@demo.tribune.test");
  await page.setViewportSize({ width: 375, height: 740 });
  await page.goto("/write/open-margins/posts/new");
  await expect(page.getByRole("toolbar", { name: "Mise en forme" })).toBeVisible();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});
