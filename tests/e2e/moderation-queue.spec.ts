import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { signedInPage } from "./helpers/accounts";
import { waitForMail } from "./helpers/mailbox";

// The carnet takes guest comments and Noémie moderates it (content/blogs/carnet-de-josee).
// Its charter has no comments of its own: these journeys write there.
const ARTICLE = "/carnet-de-josee/la-charte-du-carnet";
const QUEUE = "/write/carnet-de-josee/moderation";
const NOEMIE = "noemie@demo.tribune.test";

/** A guest's comment on the article, held for moderation. */
async function guestComment(page: Page, name: string, email: string, body: string) {
  await page.goto(ARTICLE);
  await page.getByLabel("Nom", { exact: true }).fill(name);
  await page.getByLabel("Courriel (jamais affiché)").fill(email);
  await page.getByLabel("Ajouter un commentaire").fill(body);
  await page.getByRole("button", { name: "Envoyer" }).click();
  await expect(page.getByText("Votre commentaire paraîtra", { exact: false })).toBeVisible();
}

test("[MODERATION]: a guest's comment is held, the moderator is notified, approves it from the queue, readers see it", async ({
  browser,
  page,
}) => {
  const name = `Invitée ${Date.now()}`;
  await guestComment(page, name, `${Date.now()}@guest.example.test`, "Merci pour cette charte, claire et courte.");
  // Only as its sender's own, waiting (tests/e2e/guest-comments.spec.ts).
  await expect(page.locator("article.h-entry", { hasText: name })).toHaveCount(0);

  // Noémie is told: the header's count, a notification in the app, and a mail.
  const noemie = await signedInPage(browser, NOEMIE);
  const badge = noemie.getByTestId("moderation-badge");
  await expect(badge).toBeVisible();
  await expect(badge).toHaveAttribute("href", QUEUE);
  await expect(badge).toHaveAttribute("aria-label", /Modération.*en attente/);
  const mail = await waitForMail(NOEMIE, {
    subject: new RegExp(`${name}.*(attend votre modération|awaits moderation)`),
  });
  expect(mail.text).toContain(QUEUE);
  await noemie.goto("/notifications");
  await noemie
    .getByRole("link", { name: new RegExp(`${name} a écrit un commentaire qui attend la modération`) })
    .click();
  await expect(noemie).toHaveURL(new RegExp(`${QUEUE}$`));

  // The queue shows it in context and she approves it.
  await expect(noemie.getByRole("heading", { name: "Modération — Le carnet de Josée" })).toBeVisible();
  const item = noemie.locator("[data-queue-item]", { hasText: name });
  await expect(item).toContainText(`${name} (invité)`);
  await expect(item).toContainText("La charte des commentaires du carnet");
  await expect(item).toContainText("Premier commentaire sur ce blogue");
  await item.getByRole("button", { name: "Approuver" }).click();
  await expect(noemie.getByRole("status")).toContainText("Approuvé");
  await expect(noemie.locator("[data-queue-item]", { hasText: name })).toHaveCount(0);
  await noemie.context().close();

  // An instance admin's badge leads to the queue of every blog, filtered by blog.
  const admin = await signedInPage(browser, "admin@demo.tribune.test");
  await admin.getByTestId("moderation-badge").click();
  await expect(admin).toHaveURL(/\/moderation$/);
  await expect(admin.getByRole("heading", { name: "Modération de tous les blogues" })).toBeVisible();
  await admin.getByLabel("Blogue").selectOption("carnet-de-josee");
  await admin.getByRole("button", { name: "Filtrer" }).click();
  await expect(admin).toHaveURL(/blog=carnet-de-josee/);
  await expect(admin.getByRole("link", { name: /^Approuvés \(|^En attente \(/ }).first()).toBeVisible();
  await admin.context().close();

  // A reader (anonymous) sees it on the article.
  await page.goto(ARTICLE);
  await expect(page.getByText(`${name} (invité)`)).toBeVisible();
  await expect(page.getByText("Merci pour cette charte, claire et courte.")).toBeVisible();
});

test("[MODERATION]: the queue on a 320 px phone, with the keyboard alone; spam can be undone", async ({
  browser,
  page,
}) => {
  const stamp = Date.now();
  const email = `kbd${stamp}@guest.example.test`;
  await guestComment(page, `Premier ${stamp}`, email, "Premier commentaire à trier au clavier.");
  await guestComment(page, `Second ${stamp}`, email, "Second commentaire à trier au clavier.");

  const noemie = await signedInPage(browser, NOEMIE);
  await noemie.setViewportSize({ width: 320, height: 720 });
  await noemie.goto(`${QUEUE}?author=${encodeURIComponent(email)}`);
  const items = noemie.locator("[data-queue-item]");
  await expect(items).toHaveCount(2);
  await expect(noemie.getByText("Raccourcis clavier")).toBeVisible();
  const overflow = () => noemie.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);

  // j / k move between items; s marks the focused one as spam; the result is announced, with Undo.
  await noemie.keyboard.press("j");
  await expect(items.nth(0)).toBeFocused();
  await noemie.keyboard.press("j");
  await expect(items.nth(1)).toBeFocused();
  await noemie.keyboard.press("ArrowUp");
  await expect(items.nth(0)).toBeFocused();
  await noemie.keyboard.press("s");
  const status = noemie.getByRole("status");
  await expect(status).toContainText("Marqué indésirable");
  await expect(items).toHaveCount(1);
  await expect(items.nth(0)).toContainText(`Second ${stamp}`);
  await expect(items.nth(0)).toBeFocused();
  expect(await overflow()).toBeLessThanOrEqual(0);

  await status.getByRole("button", { name: /Annuler/ }).click();
  await expect(status).toContainText("Rétabli");

  // a approves the focused one.
  await noemie.keyboard.press("j");
  await expect(items.nth(0)).toBeFocused();
  await noemie.keyboard.press("a");
  await expect(status).toContainText("Approuvé");
  await expect(items).toHaveCount(0);
  await noemie.context().close();

  await page.goto(ARTICLE);
  await expect(page.getByText(`Premier ${stamp} (invité)`)).toBeVisible();
  await expect(page.getByText(`Second ${stamp} (invité)`)).toBeVisible();
});

test("[MODERATION]: without JavaScript, the queue's plain forms remove with a reason, then restore", async ({
  browser,
  page,
}) => {
  const stamp = Date.now();
  const email = `nojs${stamp}@guest.example.test`;
  await guestComment(page, `Sans script ${stamp}`, email, "Un commentaire à retirer sans JavaScript.");

  const withScript = await signedInPage(browser, NOEMIE);
  const state = await withScript.context().storageState();
  await withScript.context().close();
  const context = await browser.newContext({ javaScriptEnabled: false, storageState: state, locale: "fr-CA" });
  const noemie = await context.newPage();
  await noemie.goto(`${QUEUE}?author=${encodeURIComponent(email)}`);
  const item = noemie.locator("[data-queue-item]", { hasText: `Sans script ${stamp}` });
  await item.getByLabel("Motif du retrait (facultatif)").fill("hors sujet");
  await item.getByRole("button", { name: "Refuser" }).click();
  await expect(noemie.getByRole("status")).toContainText("Refusé");
  await expect(noemie.locator("[data-queue-item]")).toHaveCount(0);

  await expect(noemie.getByRole("status").getByRole("button", { name: /Annuler/ })).toBeVisible();

  // It is in the Removed tab with its reason, and Restore brings it back.
  await noemie.goto(`${QUEUE}?tab=removed&author=${encodeURIComponent(email)}`);
  const removed = noemie.locator("[data-queue-item]", { hasText: `Sans script ${stamp}` });
  await expect(removed).toContainText(/Motif donné.*hors sujet/);
  await removed.getByRole("button", { name: "Rétablir" }).click();
  await expect(noemie.getByRole("status")).toContainText("Rétabli");
  await context.close();

  await page.goto(ARTICLE);
  await expect(page.getByText(`Sans script ${stamp} (invité)`)).toBeVisible();
});
