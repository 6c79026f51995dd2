// One render, stored, applied everywhere (issue 15, item 1): articles and comments of a blog go
// through the same pipeline with the blog's settings, what it derives is stored with the pipeline
// version, pages read it, and older renders are rendered again without touching what people wrote.
import assert from "node:assert/strict";
import { after, beforeEach, test } from "node:test";
import { JOB_HANDLERS } from "@/lib/background";
import { getBlogBySlug, rerenderStaleDescriptions, shownDescription, updateBlogSettings } from "@/lib/blogs";
import { createComment, rerenderStaleComments } from "@/lib/comments";
import { loadContent, syncContent } from "@/lib/content";
import { db, disconnectDb } from "@/lib/db";
import { runDueJobs } from "@/lib/jobs";
import { closeLiveBus } from "@/lib/live";
import { renderMarkdown, RENDER_VERSION } from "@/lib/markdown";
import { getPublicPost, listBlogPosts, listPublicPosts, rerenderStalePosts, saveDraft } from "@/lib/posts";
import { createBlog, createPost, createUser } from "../factories";
import { resetDb } from "../setup/db";

beforeEach(resetDb);
after(async () => {
  await closeLiveBus();
  await disconnectDb();
});

/** The text of rendered HTML, tags removed and entities decoded (enough for the checks below). */
function textOf(html: string): string {
  return html
    .replace(/<[^>]+>/g, "")
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&nbsp;/g, "\u00A0")
    .replace(/&amp;/g, "&");
}

/** A French line-break fault: a breaking space (or a line start) before ? ; : ! or ». */
const looseFrenchPunctuation = /(?:^|[ \t\n])[?;:!»]/m;

async function frenchBlog() {
  const owner = await createUser({ name: "Josée Tremblay", handle: "josee" });
  const blog = await createBlog({ slug: "carnet", name: "Le carnet", language: "fr", ownerId: owner.id });
  await db.blog.update({ where: { id: blog.id }, data: { frenchTypography: true } });
  return { owner, blog: { ...blog, frenchTypography: true } };
}

test("stored render: a content-synced French article and its comments have no line starting with ? ; : » (no-break spaces)", async () => {
  await syncContent(loadContent("content"));
  const posts = await db.post.findMany({
    where: { blog: { frenchTypography: true } },
    select: { slug: true, bodySource: true, bodyHtml: true, renderVersion: true },
  });
  assert.ok(posts.length > 0);
  const punctuated = posts.filter((post) => /[^\s][ ][?;:!»]/.test(post.bodySource));
  assert.ok(punctuated.length > 0, "the demo's French articles use ? ; : with a space before");
  for (const post of posts) {
    assert.equal(post.renderVersion, RENDER_VERSION, `${post.slug} records its pipeline version`);
    assert.doesNotMatch(
      textOf(post.bodyHtml),
      looseFrenchPunctuation,
      `${post.slug} has a breaking space before punctuation`,
    );
  }
  const comments = await db.comment.findMany({
    where: { post: { blog: { frenchTypography: true } }, status: { not: "deleted" } },
    select: { id: true, bodySource: true, bodyHtml: true, renderVersion: true },
  });
  assert.ok(
    comments.some((comment) => /[^\s][ ][?;:!»]/.test(comment.bodySource)),
    "the debate asks questions",
  );
  for (const comment of comments) {
    assert.equal(comment.renderVersion, RENDER_VERSION);
    assert.doesNotMatch(
      textOf(comment.bodyHtml),
      looseFrenchPunctuation,
      `comment ${comment.id}: ${comment.bodySource.slice(0, 60)}`,
    );
  }
  // Titles and excerpts are plain text, spaced by the same rule where pages show them.
  const debate = await db.post.findFirstOrThrow({
    where: { slug: "fermer-les-commentaires-ou-apprendre-a-les-tenir" },
    select: { blogId: true, slug: true, title: true },
  });
  assert.match(debate.title, / \?/, "the title is stored as written");
  assert.equal(
    (await getPublicPost(debate.blogId, debate.slug))?.title,
    "Fermer les commentaires\u202F? Non\u00A0: apprendre à les tenir",
  );
  const listed = await listBlogPosts(debate.blogId);
  for (const item of listed) {
    assert.doesNotMatch(`${item.title}\n${item.excerpt ?? ""}`, looseFrenchPunctuation);
  }
});

test("stored render: a comment on a French blog gets the blog's typography; an English blog's does not", async () => {
  const { owner, blog } = await frenchBlog();
  const post = await createPost({ blogId: blog.id, authorId: owner.id, body: "Texte." });
  const reader = await createUser();
  const as = { id: reader.id, role: reader.role, name: reader.name };
  const french = await createComment(as, { postId: post.id, body: "Vraiment ? Oui ; « bien » : voilà !" });
  const stored = await db.comment.findUniqueOrThrow({
    where: { id: french.id },
    select: { bodyHtml: true, renderVersion: true },
  });
  assert.equal(textOf(stored.bodyHtml), "Vraiment\u202F? Oui\u202F; «\u202Fbien\u202F»\u00A0: voilà\u202F!");
  assert.equal(stored.renderVersion, RENDER_VERSION);

  const english = await createBlog({ language: "en", ownerId: owner.id });
  const englishPost = await createPost({ blogId: english.id, authorId: owner.id });
  const plain = await createComment(as, { postId: englishPost.id, body: "Really ? Yes." });
  const plainHtml = (await db.comment.findUniqueOrThrow({ where: { id: plain.id } })).bodyHtml;
  assert.equal(textOf(plainHtml), "Really ? Yes.");
});

test("stored render: the page's table of contents and reading time are the ones the render stored", async () => {
  const { owner, blog } = await frenchBlog();
  const draft = await createPost({ blogId: blog.id, authorId: owner.id, body: "" });
  const words = Array.from({ length: 700 }, (_, i) => `mot${i}`).join(" ");
  const body = `Intro.\n\n## Première partie : le fond\n\n${words}\n\n### Détail\n\nTexte.\n\n#### Trop profond\n\n\`\`\`\n${words}\n\`\`\``;
  await saveDraft({ id: owner.id, role: owner.role }, draft.id, { bodySource: body });
  const stored = await db.post.findUniqueOrThrow({
    where: { id: draft.id },
    select: { headingsJson: true, readingMinutes: true, wordCount: true, renderVersion: true },
  });
  const rendered = renderMarkdown(body, { kind: "article", frenchTypography: true, locale: "fr" });
  assert.deepEqual(JSON.parse(stored.headingsJson), rendered.headings);
  assert.equal(stored.wordCount, rendered.words);
  assert.equal(stored.readingMinutes, rendered.readingMinutes);
  assert.equal(stored.renderVersion, RENDER_VERSION);

  const article = await getPublicPost(blog.id, draft.slug);
  assert.ok(article);
  assert.equal(article.readingMinutes, stored.readingMinutes);
  assert.deepEqual(
    article.toc,
    rendered.headings.filter((h) => h.depth <= 3),
    "h2 and h3, as stored (the heading keeps its no-break space)",
  );
  assert.equal(article.toc[0]!.text, "Première partie\u00A0: le fond");
});

test("stored render: older renders are rendered again with the blog's settings, sources untouched, mentions as stored", async () => {
  const { owner, blog } = await frenchBlog();
  const sylvain = await createUser({ name: "Sylvain Dionne", handle: "sylvain" });
  const post = await createPost({ blogId: blog.id, authorId: owner.id, body: "## Une question ?\n\nPourquoi ?" });
  await db.post.update({ where: { id: post.id }, data: { renderVersion: 0, headingsJson: "[]", readingMinutes: 9 } });
  const comment = await db.comment.create({
    data: {
      postId: post.id,
      authorId: owner.id,
      bodySource: "@Sylvain Dionne, tu crois ?",
      bodyHtml: "<p>@Sylvain Dionne, tu crois ?</p>",
      mentions: { create: { userId: sylvain.id } },
    },
  });
  // Rendered by the previous pipeline, which kept the mention as typed (a handle).
  const byHandle = await db.comment.create({
    data: {
      postId: post.id,
      authorId: owner.id,
      bodySource: "Merci @sylvain",
      bodyHtml: '<p>Merci <a href="/u/sylvain" class="mention">@sylvain</a></p>',
      renderVersion: RENDER_VERSION - 1,
      mentions: { create: { userId: sylvain.id } },
    },
  });
  // A namesake joins the thread later: looking the name up again would now find two people.
  const namesake = await createUser({ name: "Sylvain Dionne", handle: "sylvain2" });
  await db.comment.create({
    data: { postId: post.id, authorId: namesake.id, bodySource: "Moi aussi.", bodyHtml: "<p>Moi aussi.</p>" },
  });
  const deleted = await db.comment.create({
    data: { postId: post.id, authorId: owner.id, bodySource: "parti", bodyHtml: "", status: "deleted" },
  });

  assert.equal(await rerenderStalePosts({ batchSize: 1 }), 1);
  const rerendered = await db.post.findUniqueOrThrow({ where: { id: post.id } });
  assert.equal(rerendered.bodySource, "## Une question ?\n\nPourquoi ?");
  assert.equal(rerendered.renderVersion, RENDER_VERSION);
  assert.match(rerendered.bodyHtml, /Pourquoi\u202F\?/);
  assert.deepEqual(JSON.parse(rerendered.headingsJson), [
    { depth: 2, id: "user-content-une-question", text: "Une question\u202F?" },
  ]);
  assert.equal(rerendered.readingMinutes, 1);

  assert.equal(
    await rerenderStaleComments({ batchSize: 2 }),
    3,
    "the three rendered comments; the deleted one is only marked",
  );
  const again = await db.comment.findUniqueOrThrow({ where: { id: comment.id } });
  assert.equal(again.bodySource, "@Sylvain Dionne, tu crois ?");
  assert.match(again.bodyHtml, /<a href="\/u\/sylvain" class="mention"[^>]*>@Sylvain Dionne<\/a>, tu crois\u202F\?/);
  assert.deepEqual(
    (await db.mention.findMany({ where: { commentId: comment.id }, select: { userId: true } })).map((m) => m.userId),
    [sylvain.id],
  );
  // Typed as a handle, the stored mention now reads as the person's display name, still pointing at them.
  const handled = await db.comment.findUniqueOrThrow({ where: { id: byHandle.id } });
  assert.equal(handled.renderVersion, RENDER_VERSION);
  assert.match(
    handled.bodyHtml,
    new RegExp(`<a href="/u/sylvain" class="mention" data-user-id="${sylvain.id}"[^>]*>@Sylvain Dionne</a></p>$`),
  );
  const placeholder = await db.comment.findUniqueOrThrow({ where: { id: deleted.id } });
  assert.deepEqual([placeholder.bodyHtml, placeholder.renderVersion], ["", RENDER_VERSION]);
  assert.equal(await rerenderStalePosts(), 0, "nothing left to do");
  assert.equal(await rerenderStaleComments(), 0);
});

test("stored render: turning French typography on renders the blog's articles and comments again (a background job)", async () => {
  const owner = await createUser({ role: "admin" });
  const blog = await createBlog({ slug: "carnet", language: "fr", ownerId: owner.id });
  const post = await createPost({ blogId: blog.id, authorId: owner.id, body: "Pourquoi ?" });
  const reader = await createUser();
  const comment = await createComment(
    { id: reader.id, role: reader.role, name: reader.name },
    { postId: post.id, body: "Parce que !" },
  );
  assert.match((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).bodyHtml, /que !/);

  const actor = { id: owner.id, role: owner.role };
  await updateBlogSettings(actor, blog.id, {
    name: blog.name,
    slug: blog.slug,
    language: "fr",
    commentPolicy: "open",
    frenchTypography: true,
  });
  assert.equal(await db.job.count({ where: { kind: "render.blog", status: "queued" } }), 1);
  assert.equal((await runDueJobs(JOB_HANDLERS)).done, 1);
  assert.match((await db.post.findUniqueOrThrow({ where: { id: post.id } })).bodyHtml, /Pourquoi\u202F\?/);
  assert.match((await db.comment.findUniqueOrThrow({ where: { id: comment.id } })).bodyHtml, /que\u202F!/);

  await updateBlogSettings(actor, blog.id, {
    name: "Autre nom",
    slug: blog.slug,
    language: "fr",
    commentPolicy: "open",
    frenchTypography: true,
  });
  assert.equal(
    await db.job.count({ where: { kind: "render.blog", status: "queued" } }),
    0,
    "a rename renders nothing again",
  );
});

test("blog description: markdown rendered through the sanitizing pipeline with the blog's settings, never shown raw", async () => {
  await syncContent(loadContent("content"));
  const carnet = await getBlogBySlug("carnet-de-josee");
  assert.ok(carnet && carnet.description?.includes("]("));
  assert.ok(carnet.descriptionHtml);
  const shown = shownDescription(carnet.descriptionHtml)!;
  assert.doesNotMatch(shown, /\]\(|<!--/, "no markdown syntax, no marker");
  assert.match(shown, /<a href="[^"]+"[^>]*>la charte du carnet<\/a>/);
  assert.doesNotMatch(carnet.descriptionText!, /\]\(/);

  const owner = await createUser({ role: "admin" });
  const actor = { id: owner.id, role: owner.role };
  const blog = await createBlog({ slug: "notes", language: "fr", ownerId: owner.id });
  const input = { name: "Notes", slug: "notes", language: "fr" as const, commentPolicy: "open" as const };
  await updateBlogSettings(actor, blog.id, {
    ...input,
    description: "Lisez [la charte](/notes/charte) : *merci* <script>alert(1)</script>",
  });
  let stored = await db.blog.findUniqueOrThrow({ where: { id: blog.id } });
  assert.equal(
    shownDescription(stored.descriptionHtml),
    '<p>Lisez <a href="/notes/charte" rel="ugc nofollow noopener">la charte</a> : <em>merci</em> alert(1)</p>',
  );
  assert.equal(stored.descriptionText, "Lisez la charte : merci alert(1)", "raw HTML is text, never markup");
  await updateBlogSettings(actor, blog.id, { ...input, description: stored.description, frenchTypography: true });
  stored = await db.blog.findUniqueOrThrow({ where: { id: blog.id } });
  assert.match(stored.descriptionHtml!, /la charte<\/a>\u00A0: <em>/, "the setting applies to the description too");

  await db.blog.update({ where: { id: blog.id }, data: { descriptionHtml: null, descriptionText: null } });
  assert.equal(await rerenderStaleDescriptions(), 1);
  assert.match((await db.blog.findUniqueOrThrow({ where: { id: blog.id } })).descriptionHtml!, /la charte<\/a>\u00A0:/);
  assert.equal(await rerenderStaleDescriptions(), 0);
});

test("tags belong to a language: an English post never shows the French tag of the same word", async () => {
  await syncContent(loadContent("content"));
  const english = await db.post.findFirstOrThrow({
    where: { slug: "moderation-is-editorial-work" },
    select: { blogId: true, slug: true },
  });
  const article = await getPublicPost(english.blogId, english.slug);
  assert.ok(article);
  assert.ok(article.tags.some((tag) => tag.name === "moderation"));
  assert.ok(!article.tags.some((tag) => tag.name === "modération"), "no French tag on an English post");
  const tags = await db.tag.findMany({
    where: { name: { in: ["modération", "moderation"] } },
    orderBy: { name: "asc" },
  });
  assert.deepEqual(
    tags.map((tag) => [tag.name, tag.language]),
    [
      ["moderation", "en"],
      ["modération", "fr"],
    ],
  );
  // Each tag's page lists its language's articles only.
  const englishTag = tags.find((tag) => tag.language === "en")!;
  const listed = await listPublicPosts({ tagSlug: englishTag.slug }, 1);
  assert.ok(listed.items.length > 0);
  assert.ok(listed.items.every((item) => item.blog.slug === "open-margins"));

  // A saved English post takes the English tag; a new word makes a tag in the blog's language.
  const owner = await createUser();
  await db.membership.create({ data: { blogId: english.blogId, userId: owner.id, role: "owner" } });
  const post = await createPost({ blogId: english.blogId, authorId: owner.id, status: "draft" });
  await saveDraft({ id: owner.id, role: owner.role }, post.id, { tags: ["Moderation", "Civility"] });
  const saved = await db.postTag.findMany({
    where: { postId: post.id },
    select: { tag: { select: { slug: true, language: true } } },
  });
  assert.deepEqual(
    saved.map(({ tag }) => [tag.slug, tag.language]).sort(),
    [
      [englishTag.slug, "en"],
      ["civility", "en"],
    ].sort(),
  );
});
