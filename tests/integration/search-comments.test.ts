// Comment search (issue 15, item 7): readers find approved comments on public articles, never
// held, spam, hidden, removed or deleted ones, nor those on drafts or deleted articles; every write
// path keeps the index current; snippets are escaped with only <mark> tags.
import assert from "node:assert/strict";
import { after, before, beforeEach, describe, test } from "node:test";
import { createComment as postComment, decideComments, deleteComment, editComment } from "@/lib/comments";
import { loadContent, syncContent } from "@/lib/content";
import { importWxr } from "@/lib/import";
import { captureQueries, db, dbProvider, disconnectDb } from "@/lib/db";
import { closeLiveBus } from "@/lib/live";
import { reportComment } from "@/lib/moderation";
import { flushNotificationMail } from "@/lib/notifications";
import { indexMissingComments, reindexAll, reindexComments, searchComments, searchPosts } from "@/lib/search";
import { createBlog, createComment, createPost, createUser } from "../factories";
import { resetDb } from "../setup/db";

const info = console.info;
before(() => {
  process.env.NEXTAUTH_SECRET = "search-comments-secret-0123456789";
  delete process.env.SMTP_URL;
  console.info = () => {};
});
beforeEach(async () => {
  await flushNotificationMail();
  await resetDb();
});
after(async () => {
  await flushNotificationMail();
  console.info = info;
  await closeLiveBus();
  await disconnectDb();
});

type Person = Awaited<ReturnType<typeof createUser>>;
const as = (user: Person) => ({ id: user.id, role: user.role, name: user.name });

async function scene() {
  const owner = await createUser({ name: "Josée Lavoie" });
  const reader = await createUser({ name: "Priya Raman" });
  const blog = await createBlog({ ownerId: owner.id, language: "fr", name: "Le carnet" });
  const post = await createPost({ blogId: blog.id, authorId: owner.id, slug: "le-fil", title: "Tenir le fil" });
  return { owner, reader, blog, post };
}

const ids = (found: { results: { id: string }[] }) => found.results.map((r) => r.id).sort();

describe("comment search", () => {
  test("finds an approved comment by a word, accents and case ignored, with its article, blog and author", async () => {
    const { owner, reader, blog, post } = await scene();
    const comment = await postComment(as(reader), {
      postId: post.id,
      body: "Merci Josée : les **kiosques** de Rimouski tiennent encore.",
    });
    await postComment(as(owner), { postId: post.id, body: "Rien à voir ici." });
    for (const q of ["josee", "JOSÉE", "kiosque", "Rimouski kiosques", "rimou"]) {
      const found = await searchComments({ q });
      assert.deepEqual(ids(found), [comment.id], q);
      assert.equal(found.total, 1, q);
    }
    const [result] = (await searchComments({ q: "josee" })).results;
    assert.deepEqual(result!.post, { slug: "le-fil", title: "Tenir le fil" });
    assert.deepEqual(result!.blog, { slug: blog.slug, name: "Le carnet" });
    assert.equal(result!.author, "Priya Raman");
    assert.match(result!.snippetHtml, /Merci <mark>Josée<\/mark>/);
    assert.match(result!.snippetHtml, /les kiosques de Rimouski/);
    // Articles are a separate search: the comment's words do not make the article a result.
    assert.equal((await searchPosts({ q: "kiosques" })).total, 0);
    // A guest's name; a deleted account's comment has no name.
    const guest = await createComment({ postId: post.id, body: "Un gazebo au parc." });
    await reindexComments([guest.id]);
    assert.equal((await searchComments({ q: "gazebo" })).results[0]?.author, "Guest");
    await db.comment.update({ where: { id: comment.id }, data: { authorId: null } });
    assert.equal((await searchComments({ q: "kiosques" })).results[0]?.author, null);
  });

  test("never shows held, spam, hidden, removed or deleted comments, nor comments on drafts, future or deleted articles", async () => {
    const { owner, blog, post } = await scene();
    const body = "Une remarque sur le phare.";
    const shown = await createComment({ postId: post.id, body });
    for (const status of ["pending", "spam", "hidden", "removed", "deleted", "importing"])
      await createComment({ postId: post.id, body, status });
    const draft = await createPost({ blogId: blog.id, authorId: owner.id, status: "draft" });
    const future = await createPost({
      blogId: blog.id,
      authorId: owner.id,
      status: "scheduled",
      publishedAt: new Date(Date.now() + 86_400_000),
    });
    const deleted = await createPost({ blogId: blog.id, authorId: owner.id });
    for (const p of [draft, future, deleted]) await createComment({ postId: p.id, body });
    await db.post.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    await indexMissingComments();
    assert.deepEqual(ids(await searchComments({ q: "phare" })), [shown.id]);
    assert.equal((await searchComments({ q: "phare" })).total, 1);

    // Even when the index lags behind a change of status, the query checks the comment itself.
    await reindexComments([shown.id]);
    await db.comment.update({ where: { id: shown.id }, data: { status: "pending" } });
    assert.equal((await searchComments({ q: "phare" })).total, 0);
    // An article unpublished (back to draft) hides its comments at once.
    await db.comment.update({ where: { id: shown.id }, data: { status: "approved" } });
    assert.equal((await searchComments({ q: "phare" })).total, 1);
    await db.post.update({ where: { id: post.id }, data: { status: "draft" } });
    assert.equal((await searchComments({ q: "phare" })).total, 0);
  });

  test("creating, editing, holding, approving, removing, reporting and deleting keep the index current", async () => {
    const { owner, reader, blog, post } = await scene();
    const moderator = owner;
    const word = async (q: string) => ids(await searchComments({ q }));

    const comment = await postComment(as(reader), { postId: post.id, body: "Le marché du samedi." });
    assert.deepEqual(await word("marché"), [comment.id]);
    await editComment(as(reader), comment.id, "La foire du dimanche.");
    assert.deepEqual(await word("marché"), []);
    assert.deepEqual(await word("foire"), [comment.id]);
    await decideComments(as(moderator), { ids: [comment.id], decision: "remove", reason: "hors sujet" });
    assert.deepEqual(await word("foire"), []);
    await decideComments(as(moderator), { ids: [comment.id], decision: "restore" });
    assert.deepEqual(await word("foire"), [comment.id]);
    await deleteComment(as(reader), comment.id);
    assert.deepEqual(await word("foire"), []);

    // A held comment is found once a moderator approves it.
    await db.blog.update({ where: { id: blog.id }, data: { holdWords: "brocante" } });
    const held = await postComment(as(reader), { postId: post.id, body: "Une brocante au quai." });
    assert.equal(held.status, "pending");
    assert.deepEqual(await word("quai"), []);
    await decideComments(as(moderator), { ids: [held.id], decision: "approve" });
    assert.deepEqual(await word("quai"), [held.id]);

    // Reports past the blog's threshold hide it.
    await db.blog.update({ where: { id: blog.id }, data: { reportThreshold: 1 } });
    const reporter = await createUser();
    const report = await reportComment(as(reporter), held.id, { reason: "spam" });
    assert.equal(report.hidden, true);
    assert.deepEqual(await word("quai"), []);
    // Nothing left behind in the index of what readers cannot see.
    assert.equal(await indexMissingComments(), 0);
  });

  test("snippets escape the comment's text: a <script> is shown as words, the only tags are <mark>", async () => {
    const { reader, post } = await scene();
    await postComment(as(reader), {
      postId: post.id,
      body: 'Le **kiosque** & le code `<script>alert(1)</script>` "cité".\n\n<script>alert(2)</script> <b>gras</b>',
    });
    const [result] = (await searchComments({ q: "kiosque" })).results;
    const html = result!.snippetHtml;
    assert.match(
      html,
      /Le <mark>kiosque<\/mark> &amp; le code &lt;script&gt;alert\(1\)&lt;\/script&gt; &quot;cité&quot;/,
    );
    assert.doesNotMatch(html, /<script|alert\(2\)|<b>/);
    assert.deepEqual(html.match(/<\/?[a-z]+/g)?.sort(), ["</mark", "<mark"]);
    // Searching for the markup itself finds the words, still escaped.
    const [script] = (await searchComments({ q: "script alert" })).results;
    assert.match(script!.snippetHtml, /&lt;<mark>script<\/mark>&gt;<mark>alert<\/mark>\(1\)/);
  });

  test("within one blog when asked; paged; the number of queries does not grow with the results", async () => {
    const { owner, post } = await scene();
    const other = await createBlog({ ownerId: owner.id, language: "en" });
    const there = await createPost({ blogId: other.id, authorId: owner.id });
    const here = [];
    for (let i = 0; i < 12; i++)
      here.push(
        await createComment({ postId: post.id, body: `La marée ${i}.`, createdAt: new Date(Date.now() - i * 1000) }),
      );
    const away = await createComment({ postId: there.id, body: "The marée is high." });
    await createComment({ postId: post.id, body: "Un phare unique." });
    await indexMissingComments();
    assert.equal((await searchComments({ q: "marée" })).total, 13);
    const scoped = await searchComments({ q: "marée", blogSlug: other.slug });
    assert.deepEqual(ids(scoped), [away.id]);
    assert.equal((await searchComments({ q: "marée", blogSlug: "no-such-blog" })).total, 0);

    const one = await captureQueries(() => searchComments({ q: "phare" }));
    const many = await captureQueries(() => searchComments({ q: "marée" }));
    assert.equal(one.result.results.length, 1);
    assert.equal(many.result.results.length, 13);
    assert.equal(many.queries.length, one.queries.length);
    const paged = await captureQueries(() => searchComments({ q: "marée", limit: 5, offset: 5 }));
    assert.equal(paged.result.total, 13);
    assert.equal(paged.result.results.length, 5);
    assert.ok(paged.queries.length <= 2, `${paged.queries.length} queries`);
    const pages = [0, 5, 10].map((offset) => searchComments({ q: "marée", limit: 5, offset }));
    const seen = (await Promise.all(pages)).flatMap((p) => p.results.map((r) => r.id));
    assert.equal(new Set(seen).size, 13);
  });

  test("comments written before comment search are indexed at start; nothing to do costs two queries", async () => {
    const { post } = await scene();
    const old = await createComment({ postId: post.id, body: "Un vieux souvenir du traversier." });
    await createComment({ postId: post.id, body: "Un traversier retenu.", status: "pending" });
    assert.equal((await searchComments({ q: "traversier" })).total, 0);
    assert.equal(await indexMissingComments(), 1);
    assert.deepEqual(ids(await searchComments({ q: "traversier" })), [old.id]);
    const idle = await captureQueries(() => indexMissingComments());
    assert.equal(idle.result, 0);
    assert.equal(idle.queries.length, 2);
    // A full rebuild (after restoring an export) includes comments too.
    await db.$executeRawUnsafe(`DELETE FROM ${dbProvider() === "sqlite" ? "comment_search_doc" : "comment_search"}`);
    assert.equal((await searchComments({ q: "traversier" })).total, 0);
    await reindexAll();
    assert.deepEqual(ids(await searchComments({ q: "traversier" })), [old.id]);
  });

  test("a WordPress import indexes the comments it reveals, not the held or spam ones", async () => {
    await createUser({ handle: "admin_one", role: "admin" });
    await importWxr("tests/fixtures/wxr/carnet.xml", { blog: "carnet", actor: { kind: "operator" } });
    assert.equal((await searchComments({ q: "sixième niveau" })).total, 1);
    assert.equal((await searchComments({ q: "subtil" })).total, 1);
    assert.equal((await searchComments({ q: "attente modération" })).total, 0);
    assert.equal((await searchComments({ q: "achetez" })).total, 0);
    assert.equal((await searchComments({ q: "corbeille" })).total, 0);
  });

  test("content sync indexes the comments it imports (and not the held one)", async () => {
    await syncContent(loadContent("content"));
    const golf = await searchComments({ q: "golf" });
    assert.equal(golf.total, 2);
    assert.ok(golf.results.every((r) => r.snippetHtml.includes("<mark>golf</mark>")));
    assert.ok(golf.results.some((r) => r.author === "Josée Lavoie"));
    // The held comment (c33, status pending) is never found.
    assert.equal((await searchComments({ q: "rejean dit vrai" })).total, 0);
    assert.equal((await searchComments({ q: "effacé trois fois" })).total, 0);
  });
});
