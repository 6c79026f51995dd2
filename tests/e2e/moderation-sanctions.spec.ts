import { expect, test } from "./fixtures";
import { newAccount, signedInPage } from "./helpers/accounts";

// Issue 11, item 6: a banned reader sees why they cannot comment. A fresh reader (so other
// journeys in the demo's blog are untouched) is banned from Le carnet de Josée by its
// moderator through the pages, reads the reason where the form was, cannot like, and the ban
// is in the blog's log; lifting it brings the form back.

const BLOG = "carnet-de-josee";
const ARTICLE = `/${BLOG}/ce-que-mon-hebdo-faisait-pour-nous`;

test("[SANCTIONS]: a moderator bans a reader from a blog; the reader sees why they cannot comment, the log shows it, lifting restores the form", async ({
  page,
  browser,
}) => {
  test.setTimeout(120_000);
  const reader = await newAccount(page, "Lectrice Fâchée");
  await page.goto(ARTICLE);
  const discussion = page.locator("#discussion");
  await expect(page.getByLabel("Ajouter un commentaire")).toBeVisible();
  await expect(discussion.getByRole("button", { name: "J’aime" }).first()).toBeVisible();

  // Noémie moderates the blog: from the reader's profile to her record there, and the ban.
  const noemie = await signedInPage(browser, "noemie@demo.tribune.test");
  await noemie.goto(`/u/${reader.handle}`);
  const panel = noemie.getByRole("complementary", { name: "Modération" });
  await expect(panel).toContainText("Aucune sanction en vigueur.");
  await panel.getByRole("link", { name: /Dossier sur « Le carnet de Josée »/ }).click();
  await expect(noemie.getByRole("heading", { level: 1, name: "Lectrice Fâchée" })).toBeVisible();
  const banForm = noemie.getByRole("form", { name: "Exclure" });
  const reason = `Insultes répétées envers les autres lecteurs ${Date.now()}`;
  await banForm.getByLabel("Motif").fill(reason);
  // Banning asks for a confirmation first: without it, nothing is sent.
  await banForm.getByRole("button", { name: "Exclure" }).click();
  await expect(noemie.getByText("Exclusion prononcée.")).toHaveCount(0);
  await banForm.getByLabel(/Je confirme\s*: exclure Lectrice Fâchée/).check();
  await banForm.getByRole("button", { name: "Exclure" }).click();
  await expect(noemie.getByRole("status").filter({ hasText: "Exclusion prononcée." })).toBeVisible();
  await expect(noemie.getByTestId("sanction-list")).toContainText(reason);

  // The reader: the reason instead of the form, no like button.
  await page.reload();
  const notice = page.getByTestId("sanction-notice");
  await expect(notice).toContainText("Vous êtes exclu·e de ce blog.");
  await expect(notice).toContainText(reason);
  await expect(page.getByLabel("Ajouter un commentaire")).toHaveCount(0);
  await expect(discussion.getByRole("button", { name: "J’aime" })).toHaveCount(0);
  await expect(discussion.locator("article.h-entry").first()).toBeVisible();
  // …and they were told, with the reason.
  await page.goto("/notifications");
  await expect(page.getByTestId("sanction-notification").first()).toContainText(
    "Vous êtes exclu·e du blog « Le carnet de Josée ».",
  );
  await expect(page.getByTestId("sanction-notification").first()).toContainText(reason);

  // The blog's log shows the ban: who, what, why, before → after.
  await noemie.goto(`/write/${BLOG}/moderation/log`);
  const entry = noemie.locator('[data-action="sanction.ban"]', { hasText: reason });
  await expect(entry).toBeVisible();
  await expect(entry).toContainText("Noémie Fortin");
  await expect(entry).toContainText("Lectrice Fâchée");
  await noemie.getByLabel("Action").selectOption("sanction.ban");
  await noemie.getByRole("button", { name: "Filtrer" }).click();
  await expect(noemie).toHaveURL(/action=sanction.ban/);
  await expect(noemie.locator('[data-action="sanction.ban"]', { hasText: reason })).toBeVisible();
  await expect(noemie.locator("[data-action]:not([data-action='sanction.ban'])")).toHaveCount(0);

  // Lifting it, with a reason, brings the form back.
  await entry.getByRole("link", { name: "Lectrice Fâchée" }).click();
  const list = noemie.getByTestId("sanction-list");
  await list.getByText("Lever cette sanction").click();
  await list.getByLabel("Motif").fill("Excuses présentées à la communauté");
  await list.getByRole("button", { name: "Lever" }).click();
  await expect(noemie.getByRole("status").filter({ hasText: "Sanction levée." })).toBeVisible();
  await page.goto(ARTICLE);
  await expect(page.getByLabel("Ajouter un commentaire")).toBeVisible();
  await expect(page.getByTestId("sanction-notice")).toHaveCount(0);
  await noemie.context().close();
});

test("[SANCTIONS]: the people pages and the logs are usable on a 320 px screen; the site's log is for admins", async ({
  browser,
}) => {
  const noemie = await signedInPage(browser, "noemie@demo.tribune.test");
  const anne = await signedInPage(browser, "admin@demo.tribune.test");
  const pages = [
    { who: noemie, path: `/write/${BLOG}/moderation/log` },
    { who: noemie, path: `/write/${BLOG}/moderation/people/tom` },
    { who: anne, path: "/moderation/log" },
    { who: anne, path: "/moderation/people/tom" },
  ];
  for (const { who, path } of pages) {
    await who.setViewportSize({ width: 320, height: 640 });
    await who.goto(path);
    await expect(who.getByRole("heading", { level: 1 })).toBeVisible();
    const overflow = await who.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path} scrolls sideways`).toBeLessThanOrEqual(0);
  }
  await expect(anne.getByRole("form", { name: "Exclure" }).locator('input[name="scope"]')).toHaveValue("instance");
  // A moderator of one blog does not read the site's log.
  const response = await noemie.goto("/moderation/log");
  expect(response?.status()).toBe(404);
  await noemie.context().close();
  await anne.context().close();
});
