import { expect, test } from "./fixtures";
import { signedInPage } from "./helpers/accounts";

// Thread tools and reports (issue 11), on the charter of Josée's blog (Noémie moderates it).
const SLUG = "la-charte-du-carnet";
const CHARTER = `/carnet-de-josee/${SLUG}`;

test("[MODERATION]: three readers report a comment, it is hidden pending review with its reply in place, a moderator keeps it from the article, and the reporters are told", async ({
  browser,
  page,
}) => {
  test.setTimeout(180_000);
  const stamp = Date.now();
  const text = `Un avis tranché sur la charte ${stamp}`;
  const replyText = `Je précise ma pensée ${stamp}`;

  const sylvain = await signedInPage(browser, "sylvain@demo.tribune.test");
  await sylvain.goto(CHARTER);
  await sylvain.getByLabel("Ajouter un commentaire").fill(text);
  await sylvain.getByRole("button", { name: "Envoyer" }).click();
  const own = sylvain.locator("article.h-entry", { hasText: text });
  await expect(own).toBeVisible();
  // One's own comment offers no report.
  await expect(own.locator("summary", { hasText: "Signaler" })).toHaveCount(0);
  await own.getByRole("link", { name: "Répondre" }).click();
  const reply = sylvain.getByRole("combobox", { name: "Répondre" });
  await reply.fill(replyText);
  await sylvain.locator("form", { has: reply }).getByRole("button", { name: "Envoyer" }).click();
  await expect(sylvain.locator("article.h-entry", { hasText: replyText })).toBeVisible();

  const reporters = [];
  for (const email of ["tom@demo.tribune.test", "gabriel@demo.tribune.test", "marie-eve@demo.tribune.test"]) {
    const reader = await signedInPage(browser, email);
    await reader.goto(CHARTER);
    const comment = reader.locator("article.h-entry", { hasText: text });
    // The dialog opens and is sent with the keyboard alone.
    await comment.locator("summary", { hasText: "Signaler" }).focus();
    await reader.keyboard.press("Enter");
    await comment.getByRole("radio", { name: "Indésirable" }).check();
    await comment.getByLabel("Précisions").fill("Publicité déguisée");
    await comment.getByRole("button", { name: "Envoyer le signalement" }).press("Enter");
    await expect(reader.getByRole("status").filter({ hasText: "votre signalement a été transmis" })).toBeVisible();
    reporters.push(reader);
  }
  // After the third report the comment waits for review; the last reporter sees it hidden too.
  await reporters[0]!.reload();
  await expect(reporters[0]!.locator("article.h-entry", { hasText: text })).toHaveCount(0);

  // Anyone else (here a visitor without an account) sees the placeholder, and the reply still in place.
  await page.goto(CHARTER);
  await expect(page.getByText("Masqué en attente d’examen après des signalements.")).toBeVisible();
  await expect(page.getByText(text)).toHaveCount(0);
  await expect(page.getByText(replyText)).toBeVisible();
  await expect(page.getByText("Signalé par")).toHaveCount(0);

  // The moderator reads the text and the reports (with who made them), and keeps the comment.
  const noemie = await signedInPage(browser, "noemie@demo.tribune.test");
  await noemie.goto(CHARTER);
  const reported = noemie.locator("article.h-entry", { hasText: text });
  await expect(reported).toContainText("Masqué en attente d’examen");
  await expect(reported).toContainText("3 signalements ouverts");
  await expect(reported).toContainText("Tom Whitaker");
  await reported.getByRole("button", { name: "Garder (rejeter les signalements)" }).click();
  await expect(noemie.getByRole("status").filter({ hasText: "Commentaire rétabli." })).toBeVisible();
  await expect(noemie.locator("article.h-entry", { hasText: text })).not.toContainText("Masqué en attente");

  await page.reload();
  await expect(page.getByText(text)).toBeVisible();

  for (const reader of reporters) {
    await reader.goto("/notifications");
    await expect(
      reader.getByRole("link", { name: /Le commentaire que vous avez signalé dans .* a été examiné et conservé/ }),
    ).toBeVisible();
    await reader.context().close();
  }
  // The author is never told who reported.
  await sylvain.goto("/notifications");
  await expect(sylvain.getByText(/signalé/)).toHaveCount(0);
  await sylvain.context().close();
  await noemie.context().close();
});

test("[MODERATION]: a moderator locks a thread, the form gives way to a notice, the API answers 403 with a message; unlocking brings the form back", async ({
  browser,
  playwright,
  baseURL,
}) => {
  test.setTimeout(120_000);
  const noemie = await signedInPage(browser, "noemie@demo.tribune.test");
  // On a 320 px phone, the discussion tools and a comment's menu open without sideways scrolling.
  await noemie.setViewportSize({ width: 320, height: 640 });
  await noemie.goto(CHARTER);
  const note = `Rappel de la charte avant de verrouiller ${Date.now()}`;
  await noemie.getByLabel("Ajouter un commentaire").fill(note);
  await noemie.getByRole("button", { name: "Envoyer" }).click();
  await expect(noemie.locator("article.h-entry", { hasText: note })).toBeVisible();
  await noemie.locator("summary", { hasText: "Outils de la discussion" }).click();
  await noemie.locator("article.h-entry", { hasText: note }).locator("summary", { hasText: "Modérer" }).click();
  await expect(noemie.getByRole("button", { name: "Marquer comme indésirable" }).first()).toBeVisible();
  const overflow = await noemie.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await noemie.getByRole("button", { name: "Verrouiller la discussion" }).click();
  await expect(noemie.getByRole("status").filter({ hasText: "Discussion verrouillée." })).toBeVisible();

  const tom = await signedInPage(browser, "tom@demo.tribune.test");
  await tom.goto(CHARTER);
  await expect(tom.getByText("Cette discussion est verrouillée par la modération.", { exact: false })).toBeVisible();
  await expect(tom.getByLabel("Ajouter un commentaire")).toHaveCount(0);
  await expect(tom.getByRole("link", { name: "Répondre" })).toHaveCount(0);

  // Tom's script, with his personal token, is refused with a clear answer.
  await tom.goto("/settings");
  await tom.getByLabel("Nom du jeton").fill("script de Tom");
  await tom.getByRole("button", { name: "Créer un jeton" }).click();
  const token = (await tom.getByTestId("new-token").textContent())!.trim();
  const api = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { Authorization: `Bearer ${token}` } });
  const post = (await (await api.get(`/api/v1/blogs/carnet-de-josee/posts/${SLUG}`)).json()) as { id: string };
  const refused = await api.post(`/api/v1/posts/${post.id}/comments`, { data: { body: "Par l’API" } });
  expect(refused.status()).toBe(403);
  const body = (await refused.json()) as { error: string; message: string };
  expect(body.error).toBe("FORBIDDEN");
  expect(body.message).toMatch(/locked by moderation/);

  const unlock = noemie.getByRole("button", { name: "Déverrouiller la discussion" });
  if (!(await unlock.isVisible())) await noemie.locator("summary", { hasText: "Outils de la discussion" }).click();
  await unlock.click();
  await expect(noemie.getByRole("status").filter({ hasText: "Discussion déverrouillée." })).toBeVisible();
  await tom.goto(CHARTER);
  await expect(tom.getByLabel("Ajouter un commentaire")).toBeVisible();
  const accepted = await api.post(`/api/v1/posts/${post.id}/comments`, { data: { body: `Par l’API ${Date.now()}` } });
  expect(accepted.status()).toBe(201);
  await api.dispose();
  await tom.context().close();
  await noemie.context().close();
});
