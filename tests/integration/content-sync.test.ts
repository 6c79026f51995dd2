import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, beforeEach, test } from "node:test";
import { ContentError, loadContent, syncContent } from "@/lib/content";
import { db, disconnectDb } from "@/lib/db";
import { countRows, resetDb } from "../setup/db";

const DEMO = "content";
const copies: string[] = [];
function copyContent(): string {
  const dir = mkdtempSync(join(tmpdir(), "tribune-content-"));
  cpSync(DEMO, dir, { recursive: true });
  copies.push(dir);
  return dir;
}

beforeEach(resetDb);
after(async () => {
  copies.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
  await disconnectDb();
});

test("content sync: imports the demo network (3 blogs, 2 in French, a debate of 25+ comments)", async () => {
  const report = await syncContent(loadContent(DEMO));
  assert.equal(report.blogs.created, 3);
  const blogs = await db.blog.findMany({ select: { language: true } });
  assert.deepEqual(blogs.map((b) => b.language).sort(), ["en", "fr", "fr"]);
  const busiest = await db.post.findFirst({
    orderBy: { comments: { _count: "desc" } },
    select: { blog: { select: { language: true } }, _count: { select: { comments: true } } },
  });
  assert.equal(busiest?.blog.language, "fr");
  assert.ok(busiest!._count.comments >= 25, `the debate has ${busiest!._count.comments} comments`);
  assert.equal(await db.comment.count({ where: { status: "pending" } }), 1);
  // "@Sylvain Dionne", "@Josée", "@EtienneDenis": resolved to people, rendered as profile links.
  assert.ok((await db.mention.count()) >= 10, "the debate's mentions are recorded");
  const mentioned = await db.comment.findFirst({ where: { bodySource: { contains: "@Sylvain Dionne" } } });
  assert.match(mentioned!.bodyHtml, /<a href="\/u\/sylvain" class="mention"[^>]*>@Sylvain Dionne<\/a>/);
  const crossLinks = await db.link.count({ where: { targetPostId: { not: null } } });
  assert.ok(crossLinks >= 3, `articles link to each other (${crossLinks} internal links)`);
});

test("content sync: a second run changes nothing", async () => {
  await syncContent(loadContent(DEMO));
  const before = await db.post.findMany({ select: { id: true, updatedAt: true }, orderBy: { id: "asc" } });
  const commentsBefore = await db.comment.findMany({ select: { id: true, updatedAt: true }, orderBy: { id: "asc" } });
  const report = await syncContent(loadContent(DEMO));
  for (const [kind, counts] of Object.entries(report)) {
    assert.equal(counts.created + counts.updated, 0, `${kind} changed on the second run`);
  }
  assert.deepEqual(await db.post.findMany({ select: { id: true, updatedAt: true }, orderBy: { id: "asc" } }), before);
  assert.deepEqual(
    await db.comment.findMany({ select: { id: true, updatedAt: true }, orderBy: { id: "asc" } }),
    commentsBefore,
  );
});

test("content sync: an edited file updates its post and only it", async () => {
  const dir = copyContent();
  await syncContent(loadContent(dir));
  const file = join(dir, "blogs/open-margins/posts/link-generously.md");
  writeFileSync(file, readFileSync(file, "utf8").replace(/^title: .*$/m, "title: Link generously, again"));
  const report = await syncContent(loadContent(dir));
  assert.equal(report.posts.updated, 1);
  assert.equal(report.posts.created, 0);
  const post = await db.post.findFirst({ where: { slug: "link-generously" }, select: { title: true } });
  assert.equal(post?.title, "Link generously, again");
});

test("content sync: a changed blog is a blog.settings audit entry (by the system) with what changed", async () => {
  const dir = copyContent();
  await syncContent(loadContent(dir));
  assert.equal(await db.auditEntry.count(), 0, "creating is not a settings change");
  const file = join(dir, "blogs/open-margins/blog.md");
  writeFileSync(file, readFileSync(file, "utf8").replace(/^tagline: .*$/m, "tagline: A new line"));
  await syncContent(loadContent(dir));
  const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "blog.settings" } });
  assert.deepEqual(
    [entry.actorId, entry.subjectName, entry.reason, JSON.parse(entry.after!)],
    [null, "Open Margins", "content sync", { tagline: "A new line" }],
  );
  assert.deepEqual(JSON.parse(entry.before!), {
    tagline: "Notes on local news, moderation and the web that links back",
  });
});

test("content sync: invalid front matter names the file and the field and writes nothing", async () => {
  const dir = copyContent();
  await syncContent(loadContent(DEMO));
  const rowsBefore = await countRows();
  // A valid change and an invalid file together: neither may reach the database.
  const good = join(dir, "blogs/open-margins/posts/link-generously.md");
  writeFileSync(good, readFileSync(good, "utf8").replace(/^title: .*$/m, "title: Changed title"));
  const bad = join(dir, "blogs/carnet-de-josee/posts/la-charte-du-carnet.md");
  writeFileSync(bad, readFileSync(bad, "utf8").replace(/^author: .*$/m, "author: 'not a handle!'"));
  assert.throws(
    () => loadContent(dir),
    (error: unknown) => {
      assert.ok(error instanceof ContentError);
      assert.match(error.message, /la-charte-du-carnet\.md/);
      assert.match(error.message, /field "author"/);
      return true;
    },
  );
  assert.deepEqual(await countRows(), rowsBefore);
  assert.equal((await db.post.findFirst({ where: { slug: "link-generously" } }))?.title !== "Changed title", true);
});

test("content sync: a comment whose parent comes later is refused with its file and field", async () => {
  const dir = copyContent();
  const file = join(dir, "blogs/open-margins/comments/bad.yml");
  writeFileSync(
    join(dir, "blogs/open-margins/posts/bad.md"),
    "---\ntitle: Bad\nauthor: priya\npublishedAt: 2026-10-01T10:00:00Z\n---\nBody\n",
  );
  writeFileSync(file, "- id: a\n  author: tom\n  parent: b\n  at: 2026-10-02T10:00:00Z\n  body: hi\n");
  assert.throws(() => loadContent(dir), /bad\.yml: comment field "0\.parent"/);
  assert.deepEqual(await countRows(), { users: 0, blogs: 0, posts: 0, comments: 0, tags: 0, links: 0, memberships: 0 });
});
