// The shared thread (issue 12, items 2 and 3): every reader who does not moderate the blog gets
// the same rendered discussion, put into the page by the server outside React's payload, and
// their own marks (likes, own comments, reports) added in the browser.
import { expect, test } from "./fixtures";
import { signedInPage } from "./helpers/accounts";

const DEBATE = "/carnet-de-josee/fermer-les-commentaires-ou-apprendre-a-les-tenir";
// A sentence of Sylvain's first comment in the demo debate.
const SENTENCE = "Je maintiens l'image du terrain vague";

const occurrences = (html: string, text: string) => html.split(text).length - 1;

test("[THREAD]: each comment's text is in the page once, for a visitor and for a signed-in reader", async ({
  browser,
  page,
}) => {
  const visitor = await (await page.request.get(DEBATE)).text();
  expect(occurrences(visitor, SENTENCE)).toBe(1);
  const gabriel = await signedInPage(browser, "gabriel@demo.tribune.test");
  const signedIn = await (await gabriel.request.get(DEBATE)).text();
  expect(signedIn).toContain('name="body"'); // signed in: the comment form is there
  expect(occurrences(signedIn, SENTENCE)).toBe(1);
  // The fragment is the same for both: the page cache keeps one for everyone.
  const fragment = /data-thread-slot="([^"]+)"/.exec(signedIn)![1]!.replaceAll("&amp;", "&");
  const answer = await gabriel.request.get(fragment);
  expect(answer.status()).toBe(200);
  expect(await answer.text()).toContain(SENTENCE);
  await gabriel.context().close();
});

test("[THREAD]: a reader's own marks on the shared thread: likes, own comments, reports; no “♡ 0”", async ({
  browser,
}) => {
  const tom = await signedInPage(browser, "tom@demo.tribune.test");
  await tom.goto(DEBATE);
  const comments = tom.locator("#thread article[data-comment]");
  await expect(comments.first()).toBeVisible();
  // Nobody's zero likes are counted out loud.
  for (const like of await tom.locator('#thread [data-act="like"]').all()) await expect(like).not.toHaveText(/\b0\b/);
  const sylvain = comments.filter({ hasText: SENTENCE });
  await expect(sylvain.getByRole("link", { name: "Modifier" })).toHaveCount(0);
  const like = sylvain.getByRole("button", { name: "J’aime" });
  const before = Number((await like.innerText()).replace(/\D/g, "") || 0);
  await like.click();
  await expect(sylvain.getByRole("button", { name: "Je n’aime plus" })).toHaveText(new RegExp(`${before + 1}`));
  // Tom's own comment: edit and delete, no like for himself, no report.
  const text = `Mon grain de sel ${Date.now()}`;
  await tom.getByLabel("Ajouter un commentaire").fill(text);
  await tom.getByRole("button", { name: "Envoyer" }).click();
  const mine = comments.filter({ hasText: text });
  await expect(mine.getByRole("link", { name: "Modifier" })).toBeVisible();
  await expect(mine.getByRole("link", { name: "Signaler" })).toHaveCount(0);
  // After a reload, the like is still his, from the page's ids.
  await tom.reload();
  await expect(sylvain.getByRole("button", { name: "Je n’aime plus" })).toBeVisible();
  await expect(mine.getByText("Supprimer").first()).toBeVisible();
  // Taking the like back leaves the count as it was.
  await sylvain.getByRole("button", { name: "Je n’aime plus" }).click();
  await expect(sylvain.getByRole("button", { name: "J’aime" })).toBeVisible();
  await mine.getByText("Supprimer").first().click();
  await mine.getByRole("button", { name: "Supprimer" }).click();
  await expect(tom.getByText(text)).toHaveCount(0);
  await tom.context().close();
});

test("[THREAD]: without JavaScript, a like is a plain form: back to the comment, or to sign in first", async ({
  browser,
}) => {
  const plain = await browser.newContext({ javaScriptEnabled: false, locale: "fr-CA" });
  const visitor = await plain.newPage();
  await visitor.goto(DEBATE);
  await visitor.locator("#thread article[data-comment]").first().getByRole("button", { name: "J’aime" }).click();
  await expect(visitor).toHaveURL(/\/login\?/);
  await plain.close();
});

test("[THREAD]: comments that arrived since a signed-in reader's last visit are marked", async ({ browser }) => {
  const marie = await signedInPage(browser, "marie-eve@demo.tribune.test");
  await marie.goto(DEBATE);
  await expect(marie.locator("#thread article[data-comment]").first()).toBeVisible();
  // Nothing is new on a first visit.
  await expect(marie.locator("#thread article[data-new]")).toHaveCount(0);
  const etienne = await signedInPage(browser, "etienne@demo.tribune.test");
  await etienne.goto(DEBATE);
  const text = `Arrivé depuis ${Date.now()}`;
  await etienne.getByLabel("Ajouter un commentaire").fill(text);
  await etienne.getByRole("button", { name: "Envoyer" }).click();
  await expect(etienne.locator("#thread article[data-comment]", { hasText: text })).toBeVisible();
  await marie.reload();
  const arrived = marie.locator("#thread article[data-comment]", { hasText: text });
  await expect(arrived.getByText("Nouveau", { exact: true })).toBeVisible();
  await expect(marie.locator("#thread article[data-new]")).toHaveCount(1);
  // Seen now: the next visit marks nothing.
  await marie.reload();
  await expect(arrived).toBeVisible();
  await expect(marie.locator("#thread article[data-new]")).toHaveCount(0);
  await etienne.context().close();
  await marie.context().close();
});
