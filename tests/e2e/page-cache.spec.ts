import { createHash } from "node:crypto";
import { expect, test } from "./fixtures";
import { signedInPage } from "./helpers/accounts";

// An article of its own: other journeys comment on theirs, and a comment here must show up
// for anonymous readers served from the page cache.
const ARTICLE = "/open-margins/reading-the-local-paper-in-my-second-language";

test("[PAGE CACHE]: anonymous readers share one rendering; signed-in readers never get it", async ({
  page,
  browser,
}) => {
  const first = await page.request.get(ARTICLE);
  expect(first.status()).toBe(200);
  expect(["hit", "miss", "stale"]).toContain(first.headers()["x-tribune-cache"]);
  const second = await page.request.get(ARTICLE);
  expect(second.headers()["x-tribune-cache"]).toBe("hit");
  expect(await second.text()).toContain("<h1");

  const priya = await signedInPage(browser, "priya@demo.tribune.test");
  const own = await priya.request.get(ARTICLE);
  expect(own.status()).toBe(200);
  expect(own.headers()["x-tribune-cache"], "a signed-in page is rendered for its reader").toBeUndefined();
  expect(own.headers()["content-security-policy"]).toMatch(/'nonce-/);
  await priya.context().close();
});

test("[PAGE CACHE]: a cached page allows by hash the inline scripts its render emitted, and nothing else", async ({
  request,
}) => {
  await request.get(ARTICLE);
  const response = await request.get(ARTICLE);
  expect(response.headers()["x-tribune-cache"]).toBe("hit");
  const policy = response.headers()["content-security-policy"] ?? "";
  const scripts = policy.split("; ").find((directive) => directive.startsWith("script-src")) ?? "";
  expect(scripts).not.toMatch(/nonce|unsafe-inline|unsafe-eval|strict-dynamic/);
  const html = await response.text();
  // Only scripts carrying the render's nonce are hashed (lib/security/csp.ts): every script the
  // page needs must carry it, so each inline one is checked for both, and nothing else is allowed.
  const nonces = new Set<string>();
  let inline = 0;
  for (const [, attributes, body] of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    if (/\bsrc=/.test(attributes!)) {
      expect(attributes).toMatch(/src="\/_next\//);
      continue;
    }
    if (/application\/ld\+json/.test(attributes!)) continue;
    const nonce = /\snonce="([^"]+)"/.exec(attributes!)?.[1];
    expect(nonce, "every inline script the render emitted carries its nonce").toBeTruthy();
    nonces.add(nonce!);
    const hash = createHash("sha256").update(body!, "utf8").digest("base64");
    expect(scripts, "every inline script is allowed by its hash").toContain(`'sha256-${hash}'`);
    inline++;
  }
  expect(inline).toBeGreaterThan(0);
  expect(nonces.size, "one render, one nonce").toBe(1);
  expect(scripts.match(/'sha256-/g)?.length ?? 0).toBeLessThanOrEqual(inline);
});

test("[PAGE CACHE]: a new comment reaches anonymous readers at their next visit, in their language", async ({
  page,
  browser,
}) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.goto(ARTICLE);
  await page.reload();
  await expect(page.getByRole("heading", { name: /^Discussion/ })).toBeVisible();

  const noemie = await signedInPage(browser, "noemie@demo.tribune.test");
  await noemie.goto(ARTICLE);
  const text = `A cached page must not hide this ${Date.now()}`;
  await noemie.getByLabel(/Add a comment|Ajouter un commentaire/).fill(text);
  await noemie.getByRole("button", { name: /^(Send|Envoyer)$/ }).click();
  await expect(noemie.getByText(text)).toBeVisible();
  await noemie.context().close();

  // The open page hears it live (the cached page's scripts run under its hash policy), and
  // "Show" brings the comment in place: its refresh is answered by the cache too, rendered
  // after the change it announces.
  const bar = page.getByRole("status").filter({ hasText: /1 new comment|1 nouveau commentaire/ });
  await expect(bar).toBeVisible();
  const refreshed = page.waitForResponse(
    (response) =>
      new URL(response.url()).pathname === ARTICLE &&
      response.request().headers()["rsc"] === "1" &&
      !response.request().headers()["next-router-prefetch"],
  );
  await bar.getByRole("button", { name: /^(Show|Afficher)$/ }).click();
  expect((await refreshed).headers()["x-tribune-cache"]).toMatch(/^(miss|hit)$/);
  await expect(page.locator("article.h-entry", { hasText: text })).toBeVisible();
  // …and a new visit renders it: within the second a busy page may keep serving its last rendering.
  await expect(async () => {
    await page.reload();
    await expect(page.locator("article.h-entry", { hasText: text })).toBeVisible({ timeout: 500 });
  }).toPass({ timeout: 10_000 });

  // The language a reader chose is part of the cached variant.
  await page.context().addCookies([{ name: "tribune_locale", value: "fr", url: page.url() }]);
  await page.reload();
  await expect(page.getByRole("heading", { name: /^Discussion/ })).toContainText("commentaire");
  await page.context().addCookies([{ name: "tribune_locale", value: "en", url: page.url() }]);
  await page.reload();
  await expect(page.getByRole("heading", { name: /^Discussion/ })).toContainText("comment");
  await expect(page.getByRole("heading", { name: /^Discussion/ })).not.toContainText("commentaire");
  expect(violations).toEqual([]);
});
