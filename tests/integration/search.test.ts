import assert from "node:assert/strict";
import { after, beforeEach, describe, test } from "node:test";
import { loadContent, syncContent } from "@/lib/content";
import { captureQueries, db, disconnectDb } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { indexPost, reindexAll, removeFromIndex, searchPosts } from "@/lib/search";
import { createBlog, createPost, createUser } from "../factories";
import { resetDb } from "../setup/db";

beforeEach(resetDb);
after(disconnectDb);

async function network() {
  const author = await createUser();
  const fr = await createBlog({ language: "fr", name: "Le carnet" });
  const en = await createBlog({ language: "en", name: "Open notes" });
  const post = (blogId: string, options: Partial<Parameters<typeof createPost>[0]> = {}) =>
    createPost({ blogId, authorId: author.id, ...options });
  return { author, fr, en, post };
}

const slugs = (results: { slug: string }[]) => results.map((r) => r.slug).sort();

describe("search", () => {
  test("search: accents and case do not matter (medias finds médias)", async () => {
    const { fr, post } = await network();
    await post(fr.id, { slug: "medias", title: "Les médias régionaux", body: "Un hebdo qui tient." });
    await post(fr.id, { slug: "autre", title: "Autre chose", body: "Rien à voir." });
    await reindexAll();
    for (const q of ["medias", "MÉDIAS", "Médias", "media", "regionaux"]) {
      const { total, results } = await searchPosts({ q });
      assert.equal(total, 1, q);
      assert.equal(results[0]?.slug, "medias", q);
    }
  });

  test("search: French and English stems (débats finds débat, debates finds debate)", async () => {
    const { fr, en, post } = await network();
    await post(fr.id, { slug: "debat", title: "Notes", body: "Un vrai débat sur la modération." });
    await post(en.id, { slug: "debate", title: "Notes", body: "A real debate about moderation." });
    await reindexAll();
    assert.deepEqual(slugs((await searchPosts({ q: "débats" })).results), ["debat", "debate"]);
    assert.deepEqual(slugs((await searchPosts({ q: "debates" })).results), ["debat", "debate"]);
    assert.deepEqual(slugs((await searchPosts({ q: "moderer" })).results), ["debat", "debate"]);
    // Every word must match.
    assert.deepEqual(slugs((await searchPosts({ q: "débat modération" })).results), ["debat", "debate"]);
    assert.deepEqual(slugs((await searchPosts({ q: "débat hebdo" })).results), []);
  });

  test("search: a title match ranks above a body-only match; tags count too", async () => {
    const { fr, post } = await network();
    await post(fr.id, {
      slug: "in-body",
      title: "Notes du dimanche",
      body: "Quelques pensées sur la modération, entre autres choses, et sur le reste de la semaine.",
      publishedAt: new Date(Date.now() - 1000),
    });
    await post(fr.id, {
      slug: "in-title",
      title: "La modération",
      body: "Quelques pensées, entre autres choses, et sur le reste de la semaine.",
      publishedAt: new Date(Date.now() - 100_000),
    });
    const tagged = await post(fr.id, { slug: "tagged", title: "Sans rapport", body: "Texte sans le mot." });
    const tag = await db.tag.create({ data: { slug: "moderation", name: "Modération" } });
    await db.postTag.create({ data: { postId: tagged.id, tagId: tag.id } });
    await reindexAll();
    const { results } = await searchPosts({ q: "moderation" });
    assert.deepEqual(
      results.map((r) => r.slug),
      ["in-title", "tagged", "in-body"],
    );
    assert.ok(results[0]!.rank > results[2]!.rank);
  });

  test("search: within one blog when asked", async () => {
    const { fr, en, post } = await network();
    await post(fr.id, { slug: "fr-post", body: "Le journal local." });
    await post(en.id, { slug: "en-post", body: "The local journal." });
    await reindexAll();
    assert.deepEqual(slugs((await searchPosts({ q: "journal" })).results), ["en-post", "fr-post"]);
    const scoped = await searchPosts({ q: "journal", blogSlug: en.slug });
    assert.deepEqual(slugs(scoped.results), ["en-post"]);
    assert.deepEqual(scoped.results[0]?.blog, { slug: en.slug, name: en.name });
    assert.equal((await searchPosts({ q: "journal", blogSlug: "no-such-blog" })).total, 0);
  });

  test("search: drafts, future and deleted articles never show; due scheduled ones do", async () => {
    const { fr, post } = await network();
    const body = "Un article sur les kiosques.";
    await post(fr.id, { slug: "published", body });
    await post(fr.id, { slug: "draft", body, status: "draft" });
    await post(fr.id, { slug: "future", body, publishedAt: new Date(Date.now() + 86_400_000) });
    await post(fr.id, { slug: "due", body, status: "scheduled", publishedAt: new Date(Date.now() - 1000) });
    const deleted = await post(fr.id, { slug: "deleted", body });
    const removed = await post(fr.id, { slug: "removed", body });
    const hardDeleted = await post(fr.id, { slug: "hard-deleted", body });
    await reindexAll();
    await db.post.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    await indexPost(deleted.id);
    await removeFromIndex(removed.id);
    await db.post.delete({ where: { id: hardDeleted.id } });
    assert.deepEqual(slugs((await searchPosts({ q: "kiosques" })).results), ["due", "published"]);
  });

  test("search: indexPost picks up an edit", async () => {
    const { en, post } = await network();
    const p = await post(en.id, { slug: "edited", title: "Before", body: "Nothing." });
    await indexPost(p.id);
    assert.equal((await searchPosts({ q: "gardening" })).total, 0);
    await db.post.update({ where: { id: p.id }, data: { title: "Gardening in winter" } });
    await indexPost(p.id);
    assert.deepEqual(slugs((await searchPosts({ q: "gardening" })).results), ["edited"]);
    assert.equal((await searchPosts({ q: "before" })).total, 0);
  });

  test("search: snippets mark the matched words and escape everything else", async () => {
    const { fr, post } = await network();
    const filler = "mot ".repeat(60);
    await post(fr.id, {
      slug: "snippet",
      title: "Titre",
      body: `${filler}\n\nLes **médias** & le code \`<script>alert(1)</script>\` "cité".\n\n<script>alert(2)</script>\n\n${filler}`,
    });
    await reindexAll();
    const [result] = (await searchPosts({ q: "medias" })).results;
    const html = result!.snippetHtml;
    assert.match(html, /<mark>médias<\/mark>/);
    assert.match(html, /&amp; le code &lt;script&gt;alert\(1\)&lt;\/script&gt; &quot;cité&quot;/);
    assert.doesNotMatch(html, /<script|alert\(2\)/);
    assert.deepEqual(html.match(/<\/?[a-z]+/g)?.sort(), ["</mark", "<mark"]);
    assert.ok(html.startsWith("… ") && html.endsWith(" …"), html);
    assert.ok(html.split(/\s+/).length < 45, html);
  });

  test("search: SQL- and query-syntax-looking input is harmless", async () => {
    const { fr, post } = await network();
    await post(fr.id, { slug: "ok", body: "Le sel de la mer." });
    await reindexAll();
    const before = await db.post.count();
    for (const q of [
      `'; DROP TABLE "Post"; --`,
      `" OR 1=1 --`,
      `sel') OR ('1'='1`,
      `sel" OR "x`,
      "title:sel",
      "NEAR(sel mer)",
      "sel* ^mer",
      "sel & !mer | :*",
      "\\' \\\" ;",
      "()",
    ]) {
      const { results } = await searchPosts({ q });
      assert.ok(Array.isArray(results), q);
    }
    assert.equal(await db.post.count(), before);
    assert.deepEqual(slugs((await searchPosts({ q: `"sel" mer'` })).results), ["ok"]);
  });

  test("search: the number of queries does not grow with the number of results", async () => {
    const { fr, post } = await network();
    await post(fr.id, { slug: "single", body: "Un phare unique." });
    for (let i = 0; i < 12; i++) await post(fr.id, { slug: `many-${i}`, body: "Une marée haute." });
    await reindexAll();
    const one = await captureQueries(() => searchPosts({ q: "phare" }));
    const many = await captureQueries(() => searchPosts({ q: "marée" }));
    assert.equal(one.result.results.length, 1);
    assert.equal(many.result.results.length, 12);
    assert.equal(many.queries.length, one.queries.length);
    const paged = await captureQueries(() => searchPosts({ q: "marée", limit: 5, offset: 5 }));
    assert.equal(paged.result.total, 12);
    assert.equal(paged.result.results.length, 5);
    assert.ok(paged.queries.length <= 2, `${paged.queries.length} queries`);
  });

  test("search: an empty or over-long query is refused with validation.searchQuery", async () => {
    for (const q of ["", "   ", "x".repeat(201)]) {
      await assert.rejects(
        () => searchPosts({ q }),
        (e: unknown) => isAppError(e) && e.message === "validation.searchQuery",
      );
    }
    assert.deepEqual(await searchPosts({ q: "the" }), { total: 0, capped: false, results: [] });
  });

  test("search: content sync indexes the articles it imports", async () => {
    await syncContent(loadContent("content"));
    const { total, results } = await searchPosts({ q: "commentaire" });
    assert.ok(total >= 3, `${total} results`);
    assert.ok(results.every((r) => r.snippetHtml.includes("<mark>")));
  });
});
