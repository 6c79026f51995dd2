import type { Locator, Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signedInPage } from "./helpers/accounts";
import { extractLink, waitForMail } from "./helpers/mailbox";

// Journeys write into a demo article of their own, so the debate stays as the design pass saw it.
const ARTICLE = "/chroniques-numeriques/la-fin-des-commentaires";
const DEBATE = "/carnet-de-josee/fermer-les-commentaires-ou-apprendre-a-les-tenir";

/** liveBar: the bar announcing new or changed comments (whatever it says, it offers "Afficher"). */
const liveBar = (page: Page) =>
  page.getByRole("status").filter({ has: page.getByRole("button", { name: "Afficher", exact: true }) });

type Heard = { actor?: string };
declare global {
  interface Window {
    liveProbe?: { me: string | null; created: Promise<Heard> };
  }
}

/**
 * listenLive: opens, in `page`, the article's stream as its own bar does, and resolves once it is
 * connected; `heard()` then waits for its first comment.created and gives it with the reader's tag.
 */
async function listenLive(page: Page, articlePath: string) {
  const [blog, slug] = articlePath.slice(1).split("/");
  const post = (await (await page.request.get(`/api/v1/blogs/${blog}/posts/${slug}`)).json()) as { id: string };
  await page.evaluate(
    (url) =>
      new Promise<void>((connected) => {
        const source = new EventSource(url);
        const created = new Promise<Heard>((done) =>
          source.addEventListener("comment.created", (event) => done(JSON.parse(event.data) as Heard)),
        );
        source.addEventListener("viewer", (event) => {
          window.liveProbe = { me: (JSON.parse(event.data) as { actor: string | null }).actor, created };
          connected();
        });
      }),
    `/api/live/posts/${post.id}`,
  );
  return {
    heard: () => page.evaluate(async () => ({ me: window.liveProbe!.me, event: await window.liveProbe!.created })),
  };
}

/** box: the element's box on the screen. */
async function box(locator: Locator) {
  const found = await locator.boundingBox();
  expect(found, "the element is on the screen").not.toBeNull();
  return found!;
}

test("[DISCUSSION]: a comment arrives live in another browser, gets an @-reply from the autocomplete, and its author is notified in the app and by mail", async ({
  browser,
}) => {
  const sylvain = await signedInPage(browser, "sylvain@demo.tribune.test");
  const josee = await signedInPage(browser, "josee@demo.tribune.test");
  await josee.goto(ARTICLE);
  await expect(josee.getByRole("heading", { name: /^Discussion/ })).toBeVisible();
  // Josée is reading: the page must not move under her when the comment arrives.
  await josee.waitForTimeout(500);

  const text = `Une précision de dernière minute ${Date.now()}`;
  await sylvain.goto(ARTICLE);
  // Sylvain has the article open in a second tab too, where a probe listens to the same stream.
  const otherTab = await sylvain.context().newPage();
  await otherTab.goto(ARTICLE);
  const probe = await listenLive(otherTab, ARTICLE);
  await sylvain.getByLabel("Ajouter un commentaire").fill(text);
  await sylvain.getByRole("button", { name: "Envoyer" }).click();
  await expect(sylvain.getByText(text)).toBeVisible();

  const bar = josee.getByRole("status").filter({ hasText: "1 nouveau commentaire" });
  await expect(bar).toBeVisible();
  await expect(josee.getByText(text)).toHaveCount(0);
  // His own comment is marked as his in his streams (and only there), so neither of his tabs announces it.
  const { me, event } = await probe.heard();
  expect(me).toBeTruthy();
  expect(event.actor).toBe(me);
  await otherTab.waitForTimeout(500);
  await expect(liveBar(sylvain)).toHaveCount(0);
  await expect(liveBar(otherTab)).toHaveCount(0);
  await otherTab.close();
  await bar.getByRole("button", { name: "Afficher" }).click();
  const comment = josee.locator("article.h-entry", { hasText: text });
  await expect(comment).toBeVisible();

  await comment.getByRole("link", { name: "Répondre" }).click();
  const reply = josee.getByRole("combobox", { name: "Répondre" });
  await expect(reply).toHaveValue("@Sylvain Dionne ");
  await reply.fill("");
  await reply.pressSequentially("Merci @Sylv");
  const option = josee.getByRole("option", { name: /Sylvain Dionne/ });
  await expect(option).toBeVisible();
  await reply.press("Enter");
  await expect(reply).toHaveValue("Merci @Sylvain Dionne ");
  await reply.pressSequentially("d’avoir répondu si vite.");
  await josee.locator("form", { has: reply }).getByRole("button", { name: "Envoyer" }).click();
  const answer = josee.locator("article.h-entry", { hasText: "d’avoir répondu si vite" });
  await expect(answer.getByRole("link", { name: "@Sylvain Dionne" })).toHaveAttribute("href", "/u/sylvain");

  await sylvain.goto("/notifications");
  const notice = sylvain.getByRole("link", { name: /Josée Lavoie vous a mentionné|Josée Lavoie a répondu/ }).first();
  await expect(notice).toBeVisible();
  await expect(sylvain.getByText("Merci @Sylvain Dionne d’avoir répondu si vite.").first()).toBeVisible();
  const bell = sylvain.getByRole("link", { name: /^Notifications/ });
  const unread = async () => Number(/\((\d+)/.exec((await bell.getAttribute("aria-label")) ?? "")?.[1] ?? 0);
  const before = await unread();
  expect(before).toBeGreaterThan(0);
  // Opening the notice lands on the reply, highlighted at once, and the bell counts one less.
  await notice.click();
  await expect(sylvain).toHaveURL(/#comment-/);
  await expect(sylvain.locator(":target")).toContainText("d’avoir répondu si vite");
  expect(await unread()).toBe(before - 1);
  const mail = await waitForMail("sylvain@demo.tribune.test", { subject: /Josée Lavoie/ });
  expect(extractLink(mail.text)).toContain("/chroniques-numeriques/la-fin-des-commentaires");
  expect(mail.text).toMatch(/\/unsubscribe\?token=/);
  await sylvain.context().close();
  await josee.context().close();
});

test("[DISCUSSION]: on a phone, the live bar never covers the form's button or the last comment's actions", async ({
  browser,
}) => {
  const tom = await signedInPage(browser, "tom@demo.tribune.test");
  await tom.setViewportSize({ width: 375, height: 667 });
  await tom.goto(ARTICLE);
  await expect(tom.getByRole("heading", { name: /^Discussion/ })).toBeVisible();
  await tom.waitForTimeout(500);
  const gabriel = await signedInPage(browser, "gabriel@demo.tribune.test");
  await gabriel.goto(ARTICLE);
  const text = `Vu depuis un téléphone ${Date.now()}`;
  await gabriel.getByLabel("Ajouter un commentaire").fill(text);
  await gabriel.getByRole("button", { name: "Envoyer" }).click();
  await expect(gabriel.getByText(text)).toBeVisible();
  const bar = liveBar(tom);
  await expect(bar).toBeVisible();

  const form = tom.locator("form", { has: tom.getByLabel("Ajouter un commentaire") });
  const last = tom.locator("#discussion article.h-entry").last();
  for (const target of [
    form.getByRole("button", { name: "Envoyer" }),
    last.getByRole("link", { name: "Répondre" }),
    last.getByRole("button", { name: /aime/ }),
  ]) {
    // Scrolled to the bottom of the screen (as far as it goes), the button stays above the bar.
    await target.evaluate((element) => element.scrollIntoView({ block: "end", behavior: "instant" }));
    const [button, over] = [await box(target), await box(bar)];
    expect(button.y + button.height, `${await target.textContent()} ends above the bar`).toBeLessThanOrEqual(over.y);
    expect(
      await target.evaluate((element) => {
        const { x, y, width, height } = element.getBoundingClientRect();
        return element.contains(document.elementFromPoint(x + width / 2, y + height / 2));
      }),
    ).toBe(true);
  }
  // At the very end of the page, nothing is left under the bar either.
  await tom.evaluate(() => window.scrollTo({ top: document.documentElement.scrollHeight, behavior: "instant" }));
  const end = await tom.evaluate(() => {
    const links = [...document.querySelectorAll("footer a, footer button")];
    return Math.max(0, ...links.map((element) => element.getBoundingClientRect().bottom));
  });
  expect(end).toBeLessThanOrEqual((await box(bar)).y);
  // And the last comment's reply really opens under a tap.
  await last.getByRole("link", { name: "Répondre" }).click();
  await expect(tom.getByRole("combobox", { name: "Répondre" })).toBeVisible();
  await gabriel.context().close();
  await tom.context().close();
});

test("[DISCUSSION]: likes count without a reload, once per person", async ({ browser }) => {
  const tom = await signedInPage(browser, "tom@demo.tribune.test");
  await tom.goto(ARTICLE);
  const first = tom.locator("#discussion article.h-entry").first();
  const like = first.getByRole("button", { name: "J’aime" });
  const before = Number((await like.textContent())!.replace(/\D/g, ""));
  // The count changes at once (optimistic); the reload must come after the server kept it.
  const saved = tom.waitForResponse((response) => response.request().method() === "POST");
  await like.click();
  await expect(first.getByRole("button", { name: "Je n’aime plus" })).toHaveText(new RegExp(`${before + 1}`));
  expect((await saved).ok()).toBe(true);
  await tom.reload();
  await expect(
    tom.locator("#discussion article.h-entry").first().getByRole("button", { name: "Je n’aime plus" }),
  ).toBeVisible();
  await tom.context().close();
});

test("[DISCUSSION]: edit and delete one's own comment; the reply below stays in place", async ({ browser }) => {
  const priya = await signedInPage(browser, "priya@demo.tribune.test");
  await priya.goto(ARTICLE);
  const text = `A first draft ${Date.now()}`;
  await priya.getByLabel("Ajouter un commentaire").fill(text);
  await priya.getByRole("button", { name: "Envoyer" }).click();
  const mine = priya.locator("article.h-entry", { hasText: text });
  await mine.getByRole("link", { name: "Modifier" }).click();
  const editor = priya.getByRole("combobox", { name: "Modifier" });
  await editor.fill(`${text}, better worded`);
  await priya.getByRole("button", { name: "Enregistrer" }).click();
  const edited = priya.locator("article.h-entry", { hasText: "better worded" });
  await expect(edited).toContainText("modifié");
  await edited.getByText("Supprimer").first().click();
  await edited.getByRole("button", { name: "Supprimer" }).click();
  await expect(priya.getByText("better worded")).toHaveCount(0);
  await priya.context().close();
});

test("[DISCUSSION]: the moderator approves a held guest comment in place", async ({ browser, page }) => {
  const name = `Invité ${Date.now()}`;
  await page.goto(
    DEBATE.replace("fermer-les-commentaires-ou-apprendre-a-les-tenir", "ce-que-mon-hebdo-faisait-pour-nous"),
  );
  await page.getByLabel("Nom", { exact: true }).fill(name);
  await page.getByLabel("Courriel (jamais affiché)").fill("guest@example.test");
  await page.getByLabel("Ajouter un commentaire").fill("Un commentaire de passage, poli et bref.");
  await page.getByRole("button", { name: "Envoyer" }).click();
  await expect(page.getByText("Votre commentaire paraîtra", { exact: false })).toBeVisible();
  // Only as its sender's own, waiting (tests/e2e/guest-comments.spec.ts).
  await expect(page.locator("article.h-entry", { hasText: name })).toHaveCount(0);

  const noemie = await signedInPage(browser, "noemie@demo.tribune.test");
  await noemie.goto(
    DEBATE.replace("fermer-les-commentaires-ou-apprendre-a-les-tenir", "ce-que-mon-hebdo-faisait-pour-nous"),
  );
  const held = noemie.locator("article.h-entry", { hasText: name });
  await expect(held).toContainText("En attente de modération");
  await held.getByRole("button", { name: "Approuver" }).click();
  await expect(noemie.locator("article.h-entry", { hasText: name })).not.toContainText("En attente de modération");
  // The approval is news to the guest's open page, not to the moderator who made it.
  await expect(liveBar(page).filter({ hasText: "1 nouveau commentaire" })).toBeVisible();
  await noemie.waitForTimeout(500);
  await expect(liveBar(noemie)).toHaveCount(0);
  await page.reload();
  await expect(page.getByText(`${name} (invité)`)).toBeVisible();
  await noemie.context().close();
});

test("[DISCUSSION]: with JavaScript off, a reader replies through a plain form", async ({ browser }) => {
  const withScript = await signedInPage(browser, "marie-eve@demo.tribune.test");
  const state = await withScript.context().storageState();
  await withScript.context().close();
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: state, locale: "fr-CA" });
  const page = await context.newPage();
  await page.goto(ARTICLE);
  const first = page.locator("#discussion article.h-entry").first();
  await first.getByRole("link", { name: "Répondre" }).click();
  const text = `Réponse sans JavaScript ${Date.now()}`;
  await page.getByRole("combobox", { name: "Répondre" }).fill(text);
  await page
    .locator("form", { has: page.getByRole("combobox", { name: "Répondre" }) })
    .getByRole("button", { name: "Envoyer" })
    .click();
  await page.goto(ARTICLE);
  await expect(page.getByText(text)).toBeVisible();
  await context.close();
});

test("[DISCUSSION]: bad input gets a clear message and saves nothing", async ({ browser }) => {
  const gabriel = await signedInPage(browser, "gabriel@demo.tribune.test");
  await gabriel.goto(ARTICLE);
  await gabriel.getByRole("button", { name: "Envoyer" }).click();
  await expect(gabriel.getByText("Écrivez quelque chose avant d’envoyer.")).toBeVisible();
  await gabriel.getByLabel("Ajouter un commentaire").fill("x".repeat(5001));
  await gabriel.getByRole("button", { name: "Envoyer" }).click();
  await expect(gabriel.getByText(/au plus 5\s?000 caractères/)).toBeVisible();
  await gabriel.context().close();
});
