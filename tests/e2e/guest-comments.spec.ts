import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signedInPage } from "./helpers/accounts";

// The carnet takes guest comments, held for moderation, and Noémie moderates it
// (content/blogs/carnet-de-josee). Its weekly's article has a discussion to reply in.
const ARTICLE = "/carnet-de-josee/ce-que-mon-hebdo-faisait-pour-nous";
// Another article (the charter is moderation-queue.spec.ts's: its held comments stay its own).
const OTHER_ARTICLE = "/carnet-de-josee/fermer-les-commentaires-ou-apprendre-a-les-tenir";
const WAITING = "En attente de modération — vous seul le voyez";
const REMEMBER = "Retenir mon nom et mon courriel sur cet appareil";

/** Fills a guest's comment form (the article's, or a reply's) and sends it; the form says it is held. */
async function sendAsGuest(form: Locator, who: { name?: string; email?: string }, body: string, remember?: boolean) {
  if (who.name !== undefined) await form.getByLabel("Nom", { exact: true }).fill(who.name);
  if (who.email !== undefined) await form.getByLabel("Courriel (jamais affiché)").fill(who.email);
  if (remember !== undefined) await form.getByLabel(REMEMBER).setChecked(remember);
  await form.getByRole("combobox").fill(body);
  await form.getByRole("button", { name: "Envoyer" }).click();
  await expect(form.getByText("Votre commentaire paraîtra", { exact: false })).toBeVisible();
}

const articleForm = (page: Page) =>
  page.locator("form", { has: page.getByRole("combobox", { name: "Ajouter un commentaire" }) });
const heldKeys = (page: Page) =>
  page.evaluate(() => Object.keys(localStorage).filter((key) => key.startsWith("tribune:held:")));

test("[GUEST]: a guest sees their held comment and reply in place, alone, until approved, then once", async ({
  browser,
  page,
}) => {
  const stamp = Date.now();
  const who = { name: `Passante ${stamp}`, email: `passante${stamp}@guest.example.test` };
  const text = `Mon commentaire en attente ${stamp}.`;
  const replyText = `Ma réponse en attente ${stamp}.`;

  await page.goto(ARTICLE);
  await sendAsGuest(articleForm(page), who, text);
  // In place at once, marked, above the thread.
  const own = page.locator("[data-own-held]", { hasText: text });
  await expect(own).toContainText(WAITING);
  await expect(own).toContainText(`${who.name} (invité)`);
  const parent = page.locator("#discussion article.h-entry").first();
  const parentId = await parent.getAttribute("id");
  expect(
    await own.evaluate(
      (item, id) =>
        Boolean(item.compareDocumentPosition(document.getElementById(id!)!) & Node.DOCUMENT_POSITION_FOLLOWING),
      parentId,
    ),
  ).toBe(true);

  // A reply shows under the comment it answers.
  await parent.getByRole("link", { name: "Répondre" }).click();
  const replyForm = page.locator("form", { has: page.getByRole("combobox", { name: "Répondre" }) });
  await sendAsGuest(replyForm, who, replyText);
  const ownReply = page.locator(`#${parentId} + ol [data-own-held]`, { hasText: replyText });
  await expect(ownReply).toContainText(WAITING);

  // Still there after a reload (the page itself is the one everybody gets).
  await page.reload();
  await expect(page.locator("[data-own-held]", { hasText: text })).toContainText(WAITING);
  await expect(page.locator(`#${parentId} + ol [data-own-held]`, { hasText: replyText })).toContainText(WAITING);
  await expect(page.getByText(text)).toHaveCount(1);

  // Nobody else sees them: another browser.
  const other = await browser.newContext({ locale: "fr-CA" });
  const stranger = await other.newPage();
  await stranger.goto(ARTICLE);
  await expect(stranger.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(stranger.getByText(text)).toHaveCount(0);
  await expect(stranger.getByText(replyText)).toHaveCount(0);
  await expect(stranger.getByText(WAITING)).toHaveCount(0);
  await other.close();

  // Noémie approves both in the thread.
  const noemie = await signedInPage(browser, "noemie@demo.tribune.test");
  await noemie.goto(ARTICLE);
  for (const body of [text, replyText]) {
    const held = noemie.locator("article.h-entry", { hasText: body });
    await held.getByRole("button", { name: "Approuver" }).click();
    await expect(noemie.locator("article.h-entry", { hasText: body })).not.toContainText("En attente de modération");
  }
  await noemie.context().close();

  // The open page hears of them: shown, they replace the guest's own copies (never both).
  await page.getByRole("button", { name: "Afficher" }).click();
  await expect(page.locator("article.h-entry", { hasText: replyText })).toBeVisible();
  await expect(page.getByText(WAITING)).toHaveCount(0);
  await expect(page.getByText(text)).toHaveCount(1);
  await expect(page.getByText(replyText)).toHaveCount(1);

  // After a reload they read them once each, as everyone does, and the device forgot them.
  await page.reload();
  await expect(page.locator("article.h-entry", { hasText: text })).toContainText(`${who.name} (invité)`);
  await expect(page.getByText(text)).toHaveCount(1);
  await expect(page.getByText(replyText)).toHaveCount(1);
  await expect(page.getByText(WAITING)).toHaveCount(0);
  await expect.poll(() => heldKeys(page)).toEqual([]);
});

test("[GUEST]: the name and e-mail are remembered only when the guest agrees, on every article", async ({ page }) => {
  const stamp = Date.now();
  const who = { name: `Mémoire ${stamp}`, email: `memoire${stamp}@guest.example.test` };
  const name = () => articleForm(page).getByLabel("Nom", { exact: true });
  const email = () => articleForm(page).getByLabel("Courriel (jamais affiché)");
  const remember = () => articleForm(page).getByLabel(REMEMBER);
  const stored = () => page.evaluate(() => localStorage.getItem("tribune:guest"));

  // Unticked by default: nothing is kept.
  await page.goto(ARTICLE);
  await expect(remember()).not.toBeChecked();
  await sendAsGuest(articleForm(page), who, `Sans mémoire ${stamp}.`);
  await expect.poll(stored).toBeNull();
  await page.reload();
  await expect(name()).toHaveValue("");
  await expect(email()).toHaveValue("");

  // Ticked: prefilled after a reload and on another article, the box still ticked.
  await sendAsGuest(articleForm(page), who, `Avec mémoire ${stamp}.`, true);
  await expect(name()).toHaveValue(who.name);
  await page.reload();
  await expect(name()).toHaveValue(who.name);
  await expect(email()).toHaveValue(who.email);
  await expect(remember()).toBeChecked();
  await page.goto(OTHER_ARTICLE);
  await expect(name()).toHaveValue(who.name);
  await expect(email()).toHaveValue(who.email);
  await expect(remember()).toBeChecked();

  // Unticked and sent: forgotten.
  await page.goto(ARTICLE);
  await sendAsGuest(articleForm(page), {}, `Oubliez-moi ${stamp}.`, false);
  await expect.poll(stored).toBeNull();
  await page.reload();
  await expect(name()).toHaveValue("");
  await expect(email()).toHaveValue("");
  await expect(remember()).not.toBeChecked();
});

test("[GUEST]: a remembered reply whose parent is not on the page shows above the thread, saying whom it answers; what storage holds is never trusted", async ({
  page,
}) => {
  await page.goto(ARTICLE);
  const postId = await page.locator('input[name="postId"]').first().inputValue();
  await page.evaluate((key) => {
    const entry = (id: string, parentId: string | null, html: string) => ({
      id,
      parentId,
      parentName: "Sylvain Dionne",
      html,
      name: "Passante",
      createdAt: new Date().toISOString(),
      savedAt: Date.now(),
    });
    localStorage.setItem(
      key,
      JSON.stringify([
        { id: 42 },
        "garbage",
        entry(
          "stored-reply",
          "a-comment-on-another-page",
          '<p>Réponse gardée <img src="/x.png" onerror="window.__owned = true"></p><script>window.__owned = true</script><p><a href="javascript:window.__owned = true">lien</a></p>',
        ),
      ]),
    );
  }, `tribune:held:${postId}`);
  await page.reload();
  const own = page.locator("[data-own-held]", { hasText: "Réponse gardée" });
  await expect(own).toContainText("En attente de modération — vous seul le voyez");
  await expect(own.getByRole("link", { name: "En réponse à Sylvain Dionne" })).toHaveAttribute(
    "href",
    `${ARTICLE}/c/a-comment-on-another-page`,
  );
  await expect(own.locator("img")).not.toHaveAttribute("onerror", /.*/);
  await expect(own.locator("script")).toHaveCount(0);
  await expect(own.locator("a", { hasText: "lien" })).not.toHaveAttribute("href", /.*/);
  expect(await page.evaluate(() => (window as { __owned?: boolean }).__owned)).toBeUndefined();
  await expect(page.getByText("garbage")).toHaveCount(0);
});

test("[GUEST]: a remembered comment approved since, but not on this page of the discussion, is not shown as waiting", async ({
  page,
}) => {
  // An approved comment the page does not hold (here: another article's), remembered as held.
  await page.goto(OTHER_ARTICLE);
  const approvedId = (await page.locator("#discussion article.h-entry").first().getAttribute("id"))!.slice(
    "comment-".length,
  );
  await page.goto(ARTICLE);
  const postId = await page.locator('input[name="postId"]').first().inputValue();
  const key = `tribune:held:${postId}`;
  await page.evaluate(
    ({ key, id }) =>
      localStorage.setItem(
        key,
        JSON.stringify([
          {
            id,
            parentId: null,
            html: "<p>Approuvé ailleurs</p>",
            name: "Passante",
            createdAt: new Date().toISOString(),
            savedAt: Date.now(),
          },
          {
            id: "still-held-somewhere",
            parentId: null,
            html: "<p>Toujours en attente</p>",
            name: "Passante",
            createdAt: new Date().toISOString(),
            savedAt: Date.now(),
          },
        ]),
      ),
    { key, id: approvedId },
  );
  await page.reload();
  await expect(page.locator("[data-own-held]", { hasText: "Toujours en attente" })).toContainText(WAITING);
  await expect(page.getByText("Approuvé ailleurs")).toHaveCount(0);
  await expect
    .poll(() =>
      page.evaluate((key) => (JSON.parse(localStorage.getItem(key) ?? "[]") as { id: string }[]).map((c) => c.id), key),
    )
    .toEqual(["still-held-somewhere"]);
});
