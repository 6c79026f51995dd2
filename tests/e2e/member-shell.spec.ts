// The member shell (issue 12, item 3): a signed-in reader of an article gets the page every
// signed-in reader gets, kept by the page cache, with their personal layer (name, counts, their
// marks on the thread, follow) added by the server and shown by the browser. Nobody gets anyone
// else's layer; readers the shell does not fit (the blog's moderators) get their own render.
import { expect, test } from "./fixtures";
import { signedInPage } from "./helpers/accounts";

const DEBATE = "/carnet-de-josee/fermer-les-commentaires-ou-apprendre-a-les-tenir";
const QUIET = "/carnet-de-josee/ce-que-mon-hebdo-faisait-pour-nous";
const LAYER = /<script id="tribune-personal" type="application\/json">(.*?)<\/script>/s;

type Layer = {
  viewer: { handle: string; name: string };
  unread: number;
  waiting: { count: number; href: string } | null;
  thread: { personal: { own: string[] } };
};
const layerOf = (html: string) => JSON.parse(LAYER.exec(html)?.[1] ?? "null") as Layer | null;

test("[SHELL]: signed-in readers share one page, each with their own layer and nobody else's", async ({
  browser,
  page,
}) => {
  const tom = await signedInPage(browser, "tom@demo.tribune.test");
  const sylvain = await signedInPage(browser, "sylvain@demo.tribune.test");
  // Tom first (he may fill the shell), then Sylvain: each gets his own layer only.
  const forTom = await tom.request.get(DEBATE);
  expect(forTom.headers()["x-tribune-cache"]).toBe("shell");
  expect(forTom.headers()["cache-control"]).toMatch(/private/);
  const tomHtml = await forTom.text();
  expect(layerOf(tomHtml)?.viewer).toMatchObject({ handle: "tom", name: "Tom Whitaker" });
  const forSylvain = await sylvain.request.get(DEBATE);
  const sylvainHtml = await forSylvain.text();
  expect(layerOf(sylvainHtml)?.viewer).toMatchObject({ handle: "sylvain", name: "Sylvain Dionne" });
  expect(sylvainHtml).not.toContain('"handle":"tom"');
  expect(layerOf(sylvainHtml)?.thread.personal.own.length).toBeGreaterThan(0);
  // Around the layers, the page is the same bytes for both: one render serves every signed-in reader.
  expect(tomHtml.replace(LAYER, "")).toBe(sylvainHtml.replace(LAYER, ""));
  // A visitor's page has no layer; a moderator of the blog gets the page rendered for her, tools and all.
  const visitor = await (await page.request.get(DEBATE)).text();
  expect(layerOf(visitor)).toBeNull();
  const noemie = await signedInPage(browser, "noemie@demo.tribune.test");
  const forNoemie = await noemie.request.get(DEBATE);
  expect(forNoemie.headers()["x-tribune-cache"]).toBeUndefined();
  expect(layerOf(await forNoemie.text())).toBeNull();
  await noemie.goto(DEBATE);
  await expect(noemie.getByRole("link", { name: "Noémie Fortin" }).first()).toBeVisible();
  await expect(noemie.getByText("Outils de la discussion (modération)")).toBeVisible();
  for (const p of [tom, sylvain, noemie]) await p.context().close();
});

test("[SHELL]: in the browser, the shared page is the reader's own: name, follow, marks, after a reload too", async ({
  browser,
}) => {
  const tom = await signedInPage(browser, "tom@demo.tribune.test");
  const response = await tom.goto(DEBATE);
  expect(response?.headers()["x-tribune-cache"]).toBe("shell");
  const header = tom.getByRole("banner");
  await expect(header.getByRole("link", { name: "Tom Whitaker" })).toHaveAttribute("href", "/u/tom");
  await expect(header.getByRole("link", { name: /^Notifications/ })).toBeVisible();
  // His own comment in the demo debate has its Edit link, from his layer.
  const own = tom.locator("#thread article[data-comment]").filter({ has: tom.getByRole("link", { name: "Modifier" }) });
  await expect(own.first()).toBeVisible();
  // Following a discussion from the shared page (another article: no other journey follows it as
  // Tom), and still following after a reload; then not any more.
  expect((await tom.goto(QUIET))?.headers()["x-tribune-cache"]).toBe("shell");
  const follow = tom.getByRole("button", { name: "Suivre cette discussion" });
  const unfollow = tom.getByRole("button", { name: "Ne plus suivre" });
  await follow.click();
  await expect(unfollow).toBeVisible();
  await tom.reload();
  await expect(unfollow).toBeVisible();
  await unfollow.click();
  await expect(follow).toBeVisible();
  await tom.reload();
  await expect(follow).toBeVisible();
  await tom.context().close();
});

test("[SHELL]: the header's own links come from the layer: name, counts on the bell and the phone's menu, a moderator's badge", async ({
  browser,
}) => {
  // Sylvain mentions Marie-Ève, so that she has something unread.
  const sylvain = await signedInPage(browser, "sylvain@demo.tribune.test");
  await sylvain.goto(QUIET);
  await sylvain.getByLabel("Ajouter un commentaire").fill(`@Marie-Ève Bélanger, qu'en pensez-vous ? ${Date.now()}`);
  await sylvain.getByRole("button", { name: "Envoyer" }).click();
  await expect(sylvain.locator("#discussion article.h-entry", { hasText: "qu'en pensez-vous" }).first()).toBeVisible();
  await sylvain.context().close();

  const marie = await signedInPage(browser, "marie-eve@demo.tribune.test");
  await marie.setViewportSize({ width: 375, height: 740 });
  const response = await marie.goto(QUIET);
  expect(response?.headers()["x-tribune-cache"]).toBe("shell");
  // The numbers the page shows are the ones of the layer it came with (other journeys may read her notifications meanwhile).
  const layer = layerOf(await response!.text())!;
  expect(layer.unread).toBeGreaterThan(0);
  const header = marie.getByRole("banner");
  const menu = header.getByRole("button", { name: `Menu ${layer.unread}` });
  await expect(menu).toBeVisible();
  await menu.click();
  const label = layer.unread === 1 ? "Notifications (1 non lue)" : `Notifications (${layer.unread} non lues)`;
  await expect(header.getByRole("link", { name: label })).toBeVisible();
  await expect(header.getByRole("link", { name: "Marie-Ève Bélanger" })).toHaveAttribute("href", "/u/marie-eve");
  // She moderates nothing: no badge. Following a link in the menu closes it.
  await expect(header.getByTestId("moderation-badge")).toBeHidden();
  await header.getByRole("link", { name: "Recherche" }).click();
  await expect(marie).toHaveURL(/\/search$/);
  await expect(header.getByRole("link", { name: "Recherche" })).toBeHidden();
  await marie.context().close();

  // Noémie moderates Josée's blog; on Sylvain's blog she is a reader like any other, with her badge.
  const noemie = await signedInPage(browser, "noemie@demo.tribune.test");
  const elsewhere = await noemie.goto("/chroniques-numeriques/les-hebdos-regionaux-ne-sont-pas-morts");
  expect(elsewhere?.headers()["x-tribune-cache"]).toBe("shell");
  const waiting = layerOf(await elsewhere!.text())!.waiting!;
  const badge = noemie.getByRole("banner").getByTestId("moderation-badge");
  await expect(badge).toBeVisible();
  await expect(badge).toHaveAttribute("href", waiting.href);
  await expect(badge).toHaveAccessibleName(
    waiting.count ? new RegExp(`^Modération\\s:\\s${waiting.count} comment`) : /^Modération\s:\srien/,
  );
  await expect(noemie.getByRole("banner").getByRole("link", { name: "Noémie Fortin" })).toHaveAttribute(
    "href",
    "/u/noemie",
  );
  await noemie.context().close();
});

test("[SHELL]: without JavaScript, the page answering a signed-in reader's comment shows it in the thread", async ({
  browser,
}) => {
  const signedIn = await signedInPage(browser, "gabriel@demo.tribune.test");
  const storageState = await signedIn.context().storageState();
  await signedIn.context().close();
  const plain = await browser.newContext({ javaScriptEnabled: false, locale: "fr-CA", storageState });
  const page = await plain.newPage();
  expect((await page.goto(QUIET))?.headers()["x-tribune-cache"]).toBe("shell");
  const before = await page.locator("#discussion article.h-entry").count();
  expect(before).toBeGreaterThan(0);
  const text = `Sans JavaScript ${Date.now()}`;
  await page.getByLabel("Ajouter un commentaire").fill(text);
  await page.getByRole("button", { name: "Envoyer" }).click();
  // The page that answers the post (rendered for it, never spliced) has the whole thread, the new comment in it.
  await expect(page.locator("#discussion article.h-entry", { hasText: text })).toBeVisible();
  expect(await page.locator("#discussion article.h-entry").count()).toBe(before + 1);
  await plain.close();
});
