// WordPress and Disqus import (issue 14, items 1-4): export files written for these tests
// (tests/fixtures/wxr/carnet.xml: a sub-path base URL, six-deep thread, guests, pending, spam,
// a pingback, an orphan; hebdo.xml: a second blog linking back; tests/fixtures/disqus/hebdo.xml)
// and the real WordPress 6.1 export (wordpress-6.1-200.xml).
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, beforeEach, test } from "node:test";
import { listThread } from "@/lib/comments";
import { db, disconnectDb } from "@/lib/db";
import { importDisqus, importWxr, legacyRedirect, WxrError } from "@/lib/import";
import { createBlog, createUser } from "../factories";
import { countRows, resetDb } from "../setup/db";

const CARNET = "tests/fixtures/wxr/carnet.xml";
const HEBDO = "tests/fixtures/wxr/hebdo.xml";
const DISQUS = "tests/fixtures/disqus/hebdo.xml";
const REAL = "tests/fixtures/wxr/wordpress-6.1-200.xml";
const operator = { kind: "operator" as const };
const tmp = mkdtempSync(join(tmpdir(), "tribune-import-"));

beforeEach(async () => {
  await resetDb();
  await createUser({ handle: "admin_one", role: "admin" });
});
after(async () => {
  rmSync(tmp, { recursive: true, force: true });
  await disconnectDb();
});

test("import:wxr: posts, pages, statuses, tags, people and a six-deep thread", async () => {
  const report = await importWxr(CARNET, { blog: "carnet", actor: operator });
  assert.equal(report.blog.created, true);
  const blog = await db.blog.findUniqueOrThrow({ where: { slug: "carnet" }, include: { memberships: true } });
  assert.equal(blog.name, "Le carnet de Josée");
  assert.equal(blog.language, "fr");
  assert.equal(blog.memberships[0]?.role, "owner");
  assert.deepEqual([report.posts.created, report.posts.skipped], [5, 2]);
  const posts = await db.post.findMany({
    select: { slug: true, status: true, tags: { select: { tag: { select: { name: true } } } } },
  });
  const bySlug = new Map(posts.map((p) => [p.slug, p]));
  assert.equal(bySlug.get("repondre-a-lhebdo")?.status, "published");
  assert.equal(bySlug.get("prive")?.status, "draft", "a private post becomes a draft");
  assert.equal(bySlug.get("bientot")?.status, "scheduled");
  assert.deepEqual(
    bySlug.get("a-propos")?.tags.map((t) => t.tag.name),
    ["page"],
  );
  assert.deepEqual(
    bySlug
      .get("repondre-a-lhebdo")
      ?.tags.map((t) => t.tag.name)
      .sort(),
    ["Médias", "Société"],
  );
  const first = await db.post.findFirstOrThrow({ where: { slug: "repondre-a-lhebdo" } });
  assert.match(first.bodySource, /rien n’est simple… 🎉/);
  assert.doesNotMatch(first.bodySource, /wp:paragraph/);
  assert.equal(first.publishedAt?.toISOString(), "2026-10-30T16:39:49.000Z");

  const comments = await db.comment.findMany({ where: { postId: first.id }, orderBy: { createdAt: "asc" } });
  const byText = (text: string) => comments.find((c) => c.bodySource.includes(text))!;
  // Six deep: each reply's parent is the comment before it.
  let depth = 1;
  for (let c = byText("Sixième niveau"); c.parentId; depth++) c = comments.find((p) => p.id === c.parentId)!;
  assert.equal(depth, 6);
  assert.equal(byText("Merci pour ce billet").bodySource, "Merci pour ce billet « sans fin » 🎉 !");
  assert.equal(byText("En attente").status, "pending");
  assert.equal(byText("Achetez").status, "spam");
  assert.equal(byText("corbeille").status, "spam", "trash is kept as spam");
  assert.equal(comments.filter((c) => c.status === "approved").length, 6);
  // Guests stay guests (no e-mail); people with an e-mail get an account without password.
  const guest = byText("@Josée je ne suis pas");
  assert.deepEqual(
    [guest.authorId, guest.guestName, guest.guestUrl],
    [null, "Marie-Ève Gagnon", "https://marie-eve.example"],
  );
  const sylvain = await db.user.findUniqueOrThrow({ where: { email: "sylvain@hebdo.example" } });
  assert.equal(sylvain.passwordHash, null);
  assert.equal(byText("Merci pour ce billet").authorId, sylvain.id);
  // The pingback and the orphan are reported one by one.
  const reasons = report.skipped.map((s) => `${s.item}: ${s.reason}`).join("\n");
  assert.match(reasons, /comment 113 .*pingback/);
  assert.match(reasons, /comment 114 .*parent comment 999/);
  assert.match(reasons, /attachment 17/);
  assert.match(reasons, /nav_menu_item 18/);
  // "@Sylvain Dionne" at the start of a reply resolves like a new comment's mention.
  const reply = byText("@Sylvain Dionne");
  assert.match(reply.bodyHtml, /class="mention"[^>]*>@Sylvain Dionne<\/a>/);
  assert.equal(await db.mention.count({ where: { commentId: reply.id, userId: sylvain.id } }), 1);
});

test("import:wxr: the same file again is unchanged; an edited file updates only what changed", async () => {
  await importWxr(CARNET, { blog: "carnet", actor: operator });
  const before = await countRows();
  const again = await importWxr(CARNET, { blog: "carnet", actor: operator });
  assert.equal(again.unchanged, true);
  assert.deepEqual(
    [again.posts.created, again.posts.updated, again.comments.created, again.comments.updated],
    [0, 0, 0, 0],
  );
  assert.deepEqual(await countRows(), before);

  const edited = join(tmp, "carnet-edited.xml");
  writeFileSync(
    edited,
    readFileSync(CARNET, "utf8")
      .replace("Deuxième billet.", "Deuxième billet, revu.")
      .replace("Pourquoi ? Donnez", "Pourquoi ? Donnez donc"),
  );
  const report = await importWxr(edited, { blog: "carnet", actor: operator });
  assert.deepEqual(
    [report.posts.created, report.posts.updated, report.comments.created, report.comments.updated],
    [0, 1, 0, 1],
  );
  const post = await db.post.findFirstOrThrow({ where: { slug: "la-suite" } });
  assert.match(post.bodySource, /Deuxième billet, revu\./);
  assert.ok(await db.comment.findFirst({ where: { bodySource: { contains: "Donnez donc" }, status: "approved" } }));
});

test("import:wxr: a file cut in the middle leaves nothing visible and the run is removed", async () => {
  const text = readFileSync(CARNET, "utf8");
  const cut = join(tmp, "carnet-cut.xml");
  writeFileSync(cut, text.slice(0, text.indexOf("Deuxième billet.")));
  const before = await countRows();
  await assert.rejects(importWxr(cut, { blog: "carnet", actor: operator }), WxrError);
  const after = await countRows();
  assert.deepEqual({ ...after, blogs: 0, memberships: 0, tags: 0 }, { ...before, blogs: 0, memberships: 0, tags: 0 });
  assert.equal(await db.legacyAddress.count(), 0);
  const run = await db.importRun.findFirstOrThrow();
  assert.equal(run.status, "failed");
  assert.match(run.error ?? "", /not valid XML|cut short/);
  // The full file then imports as if nothing had happened.
  const report = await importWxr(CARNET, { blog: "carnet", actor: operator });
  assert.equal(report.posts.created, 5);
});

test("a reader sees nothing of a run until it completes, and nothing of a run that failed", async () => {
  await importWxr(HEBDO, { blog: "hebdo", actor: operator });
  const post = await db.post.findFirstOrThrow({ where: { slug: "une-page-de-blog" } });
  const shown = async () => (await listThread(post.id, null)).count;
  const before = await shown();
  // A Disqus file of 1,200 comments is read in several chunks; between chunks, batches are written.
  const posts = Array.from(
    { length: 1200 },
    (_, i) =>
      `<post dsq:id="${i + 1}"><message><![CDATA[<p>Commentaire n° ${i} « ${"é".repeat(400)} »</p>]]></message><createdAt>2026-10-29T12:00:00Z</createdAt><isDeleted>false</isDeleted><isSpam>false</isSpam><author><name>Lecteur ${i}</name><isAnonymous>true</isAnonymous></author><thread dsq:id="500"/></post>`,
  ).join("\n");
  const head = `<?xml version="1.0" encoding="utf-8"?><disqus xmlns:dsq="http://disqus.com/disqus-internals"><thread dsq:id="500"><link>https://hebdo.example/2026/10/une-page-de-blog/</link></thread>`;
  const big = join(tmp, "big-disqus.xml");
  writeFileSync(big, `${head}\n${posts}\n</disqus>\n`);
  const probes: Promise<number>[] = [];
  await importDisqus(big, { blog: "hebdo", actor: operator, onProgress: () => void probes.push(shown()) });
  assert.ok(probes.length >= 2, `${probes.length} probes`);
  assert.deepEqual(
    await Promise.all(probes),
    probes.map(() => before),
  );
  assert.equal(await shown(), before + 1200);
  // The same file cut short: nothing shows during the run nor after it.
  await resetDb();
  await createUser({ handle: "admin_two", role: "admin" });
  await importWxr(HEBDO, { blog: "hebdo", actor: operator });
  const again = await db.post.findFirstOrThrow({ where: { slug: "une-page-de-blog" } });
  const cut = join(tmp, "big-disqus-cut.xml");
  writeFileSync(cut, readFileSync(big, "utf8").slice(0, 400_000));
  const during: Promise<number>[] = [];
  const count = async () => (await listThread(again.id, null)).count;
  await assert.rejects(
    importDisqus(cut, { blog: "hebdo", actor: operator, onProgress: () => void during.push(count()) }),
  );
  assert.ok((await Promise.all(during)).every((n) => n === 1));
  assert.equal(await db.comment.count({ where: { postId: again.id } }), 1, "the failed run's comments are gone");
});

test("old addresses: stored with their full URL; old paths (sub-path base, ?p=) redirect to the article", async () => {
  await importWxr(CARNET, { blog: "carnet", actor: operator });
  const rows = await db.legacyAddress.findMany({ orderBy: { url: "asc" } });
  assert.ok(rows.some((r) => r.url === "https://carnet.example/blog/2026/10/repondre-a-lhebdo/"));
  assert.ok(rows.some((r) => r.url === "https://carnet.example/blog/?p=12"));
  assert.equal(await legacyRedirect("/blog/2026/10/repondre-a-lhebdo/", ""), "/carnet/repondre-a-lhebdo");
  assert.equal(await legacyRedirect("/blog/", "?p=12"), "/carnet/repondre-a-lhebdo");
  assert.equal(await legacyRedirect("/blog/", "?page_id=14"), "/carnet/a-propos");
  assert.equal(await legacyRedirect("/blog/2027/01/bientot/", ""), null, "a scheduled article is not public yet");
  assert.equal(await legacyRedirect("/nothing/here", ""), null);
});

test("old addresses: the same file into a second blog clashes, and the first import keeps them", async () => {
  await importWxr(HEBDO, { blog: "hebdo", actor: operator });
  const report = await importWxr(HEBDO, { blog: "hebdo-bis", actor: operator });
  assert.ok(report.addresses.clashes.length >= 2);
  assert.match(report.addresses.clashes[0]!, /hebdo\.example/);
  assert.equal(await legacyRedirect("/2026/10/une-page-de-blog/", ""), "/hebdo/une-page-de-blog");
});

for (const order of [
  ["carnet", "hebdo"],
  ["hebdo", "carnet"],
] as const) {
  test(`links between two blogs exported separately, imported ${order.join(" then ")}: rewritten and cited`, async () => {
    for (const slug of order) await importWxr(slug === "carnet" ? CARNET : HEBDO, { blog: slug, actor: operator });
    const carnet = await db.post.findFirstOrThrow({ where: { slug: "repondre-a-lhebdo" } });
    const hebdo = await db.post.findFirstOrThrow({ where: { slug: "une-page-de-blog" } });
    // The later import's links are rewritten to the new address; either way the link is a citation.
    const later = order[1] === "carnet" ? carnet : hebdo;
    assert.match(
      later.bodySource,
      order[1] === "carnet" ? /\(\/hebdo\/une-page-de-blog\)/ : /\(\/carnet\/repondre-a-lhebdo\)/,
    );
    assert.equal(await db.link.count({ where: { sourcePostId: carnet.id, targetPostId: hebdo.id } }), 1);
    assert.equal(await db.link.count({ where: { sourcePostId: hebdo.id, targetPostId: carnet.id } }), 1);
    // Inside one file, a link to a post that comes later is rewritten too.
    assert.match(carnet.bodySource, /\(\/carnet\/la-suite\)/);
  });
}

test("import:disqus: threads matched by old or new address, tree, deleted and spam kept as spam", async () => {
  await importWxr(HEBDO, { blog: "hebdo", actor: operator });
  const report = await importDisqus(DISQUS, { blog: "hebdo", actor: operator });
  assert.deepEqual([report.comments.created, report.comments.skipped], [6, 2]);
  const page = await db.post.findFirstOrThrow({ where: { slug: "une-page-de-blog" } });
  const comments = await db.comment.findMany({ where: { postId: page.id, importKey: { startsWith: "disqus:" } } });
  const byText = (text: string) => comments.find((c) => c.bodySource.includes(text))!;
  assert.equal(byText("Troisième niveau").parentId, byText("merci").id);
  assert.equal(byText("merci").parentId, byText("Premier").id);
  assert.equal(byText("Premier").bodySource, "Premier « vrai » commentaire 😀");
  assert.equal(byText("Supprimé").status, "spam");
  assert.equal(byText("Achetez").status, "spam");
  assert.equal(byText("Troisième niveau").authorId, null, "an anonymous Disqus author is a guest");
  const other = await db.post.findFirstOrThrow({ where: { slug: "sans-commentaires" }, include: { comments: true } });
  assert.equal(other.comments.length, 1, "matched by its new address");
  assert.match(
    report.skipped.map((s) => `${s.item}: ${s.reason}`).join("\n"),
    /inconnu[\s\S]*parent comment 888|parent comment 888[\s\S]*inconnu/,
  );
  const again = await importDisqus(DISQUS, { blog: "hebdo", actor: operator });
  assert.equal(again.unchanged, true);
});

test("an owner's import links only the blog's members; someone else's e-mail stays a guest author", async () => {
  const owner = await createUser({ handle: "owner_one" });
  const outsider = await db.user.create({
    data: {
      handle: "sylvain",
      handleKey: "sylvain",
      name: "Sylvain",
      nameKey: "sylvain",
      email: "sylvain@hebdo.example",
    },
  });
  await createBlog({ slug: "carnet", ownerId: owner.id });
  const report = await importWxr(CARNET, {
    blog: "carnet",
    actor: { kind: "person", actor: { id: owner.id, role: "member" } },
  });
  assert.equal(report.people.created, 0, "an owner's import creates no account");
  assert.equal(await db.comment.count({ where: { authorId: outsider.id } }), 0);
  const guest = await db.comment.findFirstOrThrow({ where: { bodySource: { contains: "Merci pour ce billet" } } });
  assert.deepEqual(
    [guest.authorId, guest.guestName, guest.guestEmail],
    [null, "Sylvain Dionne", "sylvain@hebdo.example"],
  );
  const stranger = await createUser({ handle: "stranger" });
  await assert.rejects(
    importWxr(CARNET, { blog: "carnet", actor: { kind: "person", actor: { id: stranger.id, role: "member" } } }),
    /forbidden/i,
  );
});

test("import:wxr: the real WordPress 6.1 export (200 comments, mentions)", async () => {
  const report = await importWxr(REAL, { blog: "reference", actor: operator });
  assert.deepEqual([report.posts.created, report.comments.created, report.comments.skipped], [1, 200, 0]);
  const post = await db.post.findFirstOrThrow({ where: { slug: "article-de-reference" } });
  assert.equal(post.status, "published");
  assert.ok((await db.mention.count()) > 10, "the replies' @Name mentions resolve");
  assert.equal(await legacyRedirect("/article-de-reference", ""), "/reference/article-de-reference");
});
