import { expect, test } from "./fixtures";
import { signIn } from "./helpers/accounts";

test("[WRITING]: an author writes, previews, schedules and publishes; a reader finds the article by search and in the feed", async ({
  page,
  browser,
}) => {
  const word = `patinoirezz${Date.now().toString(36)}`;
  await signIn(page, "priya@demo.tribune.test");
  await page.goto("/write/open-margins/posts");
  await page.getByRole("button", { name: "Nouvel article" }).click();
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
  await page.getByRole("button", { name: "Nouvel article" }).click();
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
