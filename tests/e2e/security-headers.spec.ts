import { expect, test, type APIResponse } from "@playwright/test";

const DEBATE = "/carnet-de-josee/fermer-les-commentaires-ou-apprendre-a-les-tenir";
const PAGES = ["/", DEBATE, "/carnet-de-josee/nothing-here"];
// Pages rendered for their request carry a nonce; the pages the page cache serves to anonymous
// readers (articles, blog homes, tag pages, the home page) carry hashes instead
// (tests/e2e/page-cache.spec.ts checks those).
const RENDERED = ["/login", "/carnet-de-josee/nothing-here", "/search"];

function expectBaseHeaders(response: APIResponse) {
  const headers = response.headers();
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  const framing =
    headers["x-frame-options"] === "DENY" || /frame-ancestors 'none'/.test(headers["content-security-policy"] ?? "");
  expect(framing, "X-Frame-Options DENY or frame-ancestors 'none'").toBe(true);
  expect(headers["permissions-policy"]).toContain("camera=()");
  // Served over plain HTTP here: no HSTS.
  expect(headers["strict-transport-security"]).toBeUndefined();
}

function scriptSrc(policy: string): string {
  return (
    policy
      .split(";")
      .map((directive) => directive.trim())
      .find((directive) => directive.startsWith("script-src")) ?? ""
  );
}

for (const path of RENDERED) {
  test(`[SECURITY]: ${path} has a nonce CSP that every script carries`, async ({ request }) => {
    const response = await request.get(path);
    expect(response.status()).toBe(path.includes("nothing-here") ? 404 : 200);
    expectBaseHeaders(response);
    const policy = response.headers()["content-security-policy"] ?? "";
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    const scripts = scriptSrc(policy);
    expect(scripts).not.toContain("'unsafe-inline'");
    expect(scripts).not.toContain("'unsafe-eval'");
    const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(scripts)?.[1];
    expect(nonce, "script-src has a nonce").toBeTruthy();

    const html = await response.text();
    const tags = html.match(/<script\b[^>]*>/g) ?? [];
    expect(tags.length).toBeGreaterThan(0);
    for (const tag of tags) expect(tag, tag).toContain(`nonce="${nonce}"`);
  });
}

test("[SECURITY]: every request gets a new nonce", async ({ request }) => {
  const nonceOf = async () =>
    /'nonce-([^']+)'/.exec((await request.get("/search")).headers()["content-security-policy"] ?? "")?.[1];
  expect(await nonceOf()).not.toBe(await nonceOf());
});

test("[SECURITY]: the health API and static assets carry the base headers", async ({ request }) => {
  expectBaseHeaders(await request.get("/api/health"));
  const html = await (await request.get("/")).text();
  const asset = /(?:src|href)="(\/_next\/static\/[^"]+)"/.exec(html)?.[1];
  expect(asset, "a /_next/static asset in the home page").toBeTruthy();
  const response = await request.get(asset!);
  expect(response.status()).toBe(200);
  expectBaseHeaders(response);
});

test("[SECURITY]: pages run under the CSP with no violation", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.type() === "error" && /Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  page.on("pageerror", (error) => violations.push(error.message));
  for (const path of PAGES) {
    await page.goto(path);
    await page.waitForLoadState("networkidle");
  }
  // The client runtime ran: the language switch (a client component) still works.
  await page.goto(DEBATE);
  await page.getByRole("button", { name: "Read in English" }).click();
  await expect(page.getByRole("heading", { name: /^Discussion/ })).toContainText("comments");
  await page.getByRole("button", { name: "Lire en français" }).click();
  await expect(page.getByRole("heading", { name: /^Discussion/ })).toContainText("commentaires");
  expect(violations).toEqual([]);
});
