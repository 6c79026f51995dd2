import { expect, test } from "./fixtures";
import { signIn } from "./helpers/accounts";

// The e2e run serves two instances (SQLite on 3100, PostgreSQL on 3101): two sites. An article
// on this one that links to an article on the other is sent a Webmention, verified there, and
// shown in its "Cité par"; editing the link out takes it away again.
const PORTS = [3100, 3101];

test("[WEBMENTION]: an article linking to another site shows up there after verification, and leaves when the link goes", async ({
  page,
  browser,
}, testInfo) => {
  test.setTimeout(120_000);
  const here = String(testInfo.project.use.baseURL);
  const otherPort = PORTS.find((port) => !here.endsWith(`:${port}`))!;
  const other = `http://127.0.0.1:${otherPort}`;
  const target = `${other}/carnet-de-josee/ce-que-mon-hebdo-faisait-pour-nous`;
  const word = `riveraine${Date.now().toString(36)}`;

  await signIn(page, "priya@demo.tribune.test");
  await page.goto("/write/open-margins/posts");
  await page.getByRole("link", { name: "Nouvel article" }).click();
  await page.getByLabel("Titre", { exact: true }).fill(`Across the river ${word}`);
  await page.getByLabel("Texte (Markdown)").fill(`On the other bank, [Josée answers the question](${target}).`);
  await expect(page.getByTestId("save-status")).toContainText(/Enregistré à/, { timeout: 15_000 });
  await page.getByRole("button", { name: "Publier maintenant" }).click();
  await expect(page.getByTestId("post-state")).toContainText("Publié");
  const editor = page.url();

  // The editor tells what the other site answered.
  await expect
    .poll(
      async () => {
        await page.goto(editor);
        return page
          .getByTestId("sent-webmentions")
          .textContent()
          .catch(() => "");
      },
      { timeout: 30_000, intervals: [1000] },
    )
    .toContain("reçue");

  const reader = await browser.newPage();
  const citedBy = reader.getByRole("region", { name: /Cité par/ });
  await expect
    .poll(
      async () => {
        await reader.goto(target);
        return citedBy.textContent();
      },
      { timeout: 30_000, intervals: [1000] },
    )
    .toContain(`Across the river ${word}`);
  await expect(citedBy.getByRole("link", { name: `Across the river ${word}` })).toHaveAttribute(
    "href",
    new RegExp(`^${here.replace(/[.:/]/g, "\\$&")}/open-margins/`),
  );

  // The link edited out: the other site hears of it, checks, and takes the mention down.
  await page.getByLabel("Texte (Markdown)").fill("On the other bank, nothing to see any more.");
  await expect(page.getByTestId("save-status")).toContainText(/Enregistré à/, { timeout: 15_000 });
  await expect
    .poll(
      async () => {
        await reader.goto(target);
        return citedBy.textContent();
      },
      { timeout: 30_000, intervals: [1000] },
    )
    .not.toContain(`Across the river ${word}`);
  await reader.close();
});

test("[WEBMENTION]: the article page reads as one h-entry whose comments are its p-comment entries (microformats2)", async ({
  request,
}, testInfo) => {
  const { mf2 } = await import("microformats-parser");
  const base = String(testInfo.project.use.baseURL);
  const path = "/carnet-de-josee/fermer-les-commentaires-ou-apprendre-a-les-tenir";
  const response = await request.get(path);
  // The endpoint is one entry of the Link header (React may add resource hints beside it).
  expect(response.headers()["link"]?.split(/,\s*(?=<)/)).toContain('</api/webmention>; rel="webmention"');
  const html = await response.text();
  expect(html).toContain('<link rel="webmention" href="/api/webmention"');
  const parsed = mf2(html, { baseUrl: `${base}${path}` });
  type Mf = { type?: string[]; properties: Record<string, unknown[]> };
  const entries = (parsed.items as Mf[]).filter((item) => item.type?.includes("h-entry"));
  expect(entries).toHaveLength(1);
  const entry = entries[0]!;
  expect(entry.properties.name?.[0]).toContain("Fermer les commentaires");
  expect(String((entry.properties.content?.[0] as { html?: string }).html).length).toBeGreaterThan(200);
  expect(entry.properties.published?.[0]).toMatch(/^\d{4}-\d\d-\d\d/);
  expect(entry.properties.url).toContain(`${base}${path}`);
  const author = entry.properties.author?.[0] as Mf;
  expect(author.type).toContain("h-card");
  expect(author.properties.name?.[0]).toBeTruthy();
  expect(String(author.properties.url?.[0])).toMatch(/\/u\//);
  expect(author.properties.photo?.length).toBeGreaterThan(0);
  const comments = (entry.properties.comment ?? []) as Mf[];
  // Top-level comments; replies are their parents' own p-comment entries.
  expect(comments.length).toBeGreaterThan(1);
  for (const comment of comments) {
    expect(comment.type).toContain("h-entry");
    const by = comment.properties.author?.[0] as Mf;
    expect(by.properties.name?.[0]).toBeTruthy();
    if (String(by.properties.url?.[0] ?? "").includes("/u/")) expect(by.properties.photo?.length).toBeGreaterThan(0);
    expect(comment.properties.published?.[0]).toMatch(/^\d{4}-\d\d-\d\d/);
    // Its permalink, which the server resolves to the page of the discussion holding it.
    expect(String(comment.properties.url?.[0])).toMatch(new RegExp(`^${base}${path}/c/[\\w-]+$`));
  }
  // Replies name what they answer.
  const replies = (html.match(/class="u-in-reply-to"/g) ?? []).length;
  expect(replies).toBeGreaterThan(0);
});
