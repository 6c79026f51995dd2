// Export and import (issue 14, item 5): a site built with the real services leaves as one JSON
// document and comes back identical into an empty database; a blog's export holds nothing of
// other blogs and no secrets; the download route follows the policy; a non-empty instance and a
// cut or invalid file are refused, leaving everything as it was.
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { createReadStream } from "node:fs";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, beforeEach, test } from "node:test";
import matter from "gray-matter";
import { parse as parseYaml } from "yaml";
import { GET as exportInstanceRoute } from "@/app/(write)/admin/export/route";
import { GET as exportBlogRoute } from "@/app/(write)/write/[blog]/settings/export/route";
import { createApiToken, requestPasswordReset } from "@/lib/auth";
import { addMember } from "@/lib/blogs";
import { createComment, followPost, rejectComment, toggleLike } from "@/lib/comments";
import { PostFileSchema } from "@/lib/content/schemas";
import { db, disconnectDb } from "@/lib/db";
import {
  exportBlogMarkdown,
  exportChunks,
  exportToFile,
  importExport,
  ImportRefusal,
  resolveScope,
  SECTION_ORDER,
  type Scope,
} from "@/lib/export";
import { reportComment, sanctionPerson } from "@/lib/moderation";
import { flushNotificationMail } from "@/lib/notifications";
import { createDraft, publishPost, saveDraft } from "@/lib/posts";
import { searchPosts } from "@/lib/search";
import { createBlog, createUser } from "../factories";
import { countRows, resetDb } from "../setup/db";

beforeEach(() => resetDb());
after(async () => {
  await flushNotificationMail();
  await disconnectDb();
});

const as = (user: { id: string; role: string }) => ({ id: user.id, role: user.role });
const SECRET_HASH = "$argon2id$v=19$m=19456,t=2,p=1$c2VjcmV0LXNhbHQ$SECRET-HASH-MARKER";

async function collect(chunks: AsyncIterable<string>): Promise<string> {
  let text = "";
  for await (const chunk of chunks) text += chunk;
  return text;
}

const exportText = async (scope: Scope) => collect(exportChunks(scope));

/** The only volatile field of the format (docs/export-format.md): the header's exportedAt. */
function comparable(text: string) {
  const data = JSON.parse(text) as { meta: Record<string, unknown> };
  delete data.meta.exportedAt;
  return data;
}

/** The file's bytes in small pieces, so records and multi-byte characters straddle chunk boundaries. */
async function* pieces(text: string, size = 997) {
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function publish(
  actor: { id: string; role: string },
  blogId: string,
  title: string,
  body: string,
  tags: string[],
) {
  const draft = await createDraft(actor, blogId, { title });
  await saveDraft(actor, draft.id, { title, bodySource: `${body}\n\nPremière version.`, tags });
  await publishPost(actor, draft.id);
  await saveDraft(actor, draft.id, { title, bodySource: body, tags });
  return db.post.findUniqueOrThrow({ where: { id: draft.id } });
}

/** Two blogs with members, revisions, nested threads with a guest, likes, a citation, a moderation act, a sanction. */
async function buildSite() {
  const admin = await createUser({ name: "Anne Tremblay", handle: "anne", role: "admin" });
  const josee = await createUser({ name: "Josée Lavoie", handle: "josee" });
  const sylvain = await createUser({ name: "Sylvain Dionne", handle: "sylvain" });
  const noemie = await createUser({ name: "Noémie Fortin", handle: "noemie" });
  const reader = await createUser({ name: "Étienne Denis", handle: "etienne" });
  const outsider = await createUser({ name: "Personne Ailleurs", handle: "ailleurs" });
  await db.user.updateMany({ data: { passwordHash: SECRET_HASH } });
  await db.notificationPreference.create({ data: { userId: reader.id, kind: "reply", inApp: true, email: false } });
  const carnet = await createBlog({ slug: "carnet", name: "Le carnet", language: "fr", ownerId: josee.id });
  const hebdo = await createBlog({ slug: "hebdo", name: "L’hebdo secret", ownerId: sylvain.id });
  await db.blog.update({ where: { id: carnet.id }, data: { allowGuestComments: true, frenchTypography: true } });
  await addMember(as(josee), carnet.id, "@noemie", "moderator");

  const cited = await publish(as(sylvain), hebdo.id, "Rédaction fermée", "Le journal *ferme* ses portes.", ["médias"]);
  const post = await publish(
    as(josee),
    carnet.id,
    "« Nos médias » 😀",
    "Comme le dit [Sylvain](/hebdo/redaction-fermee), c’est la fin… Lisez-le.",
    ["médias", "village"],
  );
  await publish(as(sylvain), hebdo.id, "Ailleurs seulement", "Un article de l’autre blogue, sans lien.", ["autre"]);

  const top = await createComment(as(reader), { postId: post.id, body: "Premier ! Bravo 👏" });
  const reply = await createComment(as(sylvain), { postId: post.id, parentId: top.id, body: "@Étienne Denis merci." });
  const deeper = await createComment(as(josee), { postId: post.id, parentId: reply.id, body: "Et la suite ?" });
  await createComment(
    null,
    {
      postId: post.id,
      parentId: deeper.id,
      body: "Je passe par là.",
      guestName: "Visiteuse",
      guestEmail: "v@example.test",
    },
    { ip: "203.0.113.7" },
  );
  const rude = await createComment(as(reader), { postId: post.id, body: "Un message déplacé." });
  await createComment(as(outsider), { postId: cited.id, body: "Sur l’autre blogue seulement." });
  await toggleLike(as(josee), top.id);
  await toggleLike(as(sylvain), top.id);
  await followPost(as(reader), post.id);
  await reportComment(as(sylvain), rude.id, { reason: "off_topic" });
  await rejectComment(as(noemie), rude.id, { reason: "Hors sujet" });
  await sanctionPerson(as(josee), { userId: reader.id, blogId: carnet.id, kind: "warning", reason: "Restez poli." });
  await sanctionPerson(as(admin), { userId: outsider.id, blogId: null, kind: "ban", reason: "Pourriel partout." });
  await db.webmention.create({
    data: {
      source: "https://ailleurs.example/reponse",
      target: `https://tribune.example/carnet/${post.slug}`,
      targetPostId: post.id,
      status: "accepted",
      kind: "mention",
      authorName: "Quelqu’un",
    },
  });
  // Secrets of every kind, none of which may leave.
  await createApiToken(josee.id, "script");
  await db.authToken.create({
    data: { userId: josee.id, purpose: "reset_password", tokenHash: "RESET-TOKEN-MARKER", expiresAt: new Date() },
  });
  await db.session.create({
    data: { userId: josee.id, sessionToken: "SESSION-TOKEN-MARKER", expires: new Date(Date.now() + 86_400_000) },
  });
  return { admin, josee, sylvain, noemie, reader, outsider, carnet, hebdo, post, cited };
}

test("export → import into an empty database → export gives the same document, and the site works", async () => {
  const site = await buildSite();
  const dir = await mkdtemp(join(tmpdir(), "tribune-export-"));
  const file = join(dir, "instance.json");
  await exportToFile({ kind: "instance" }, file);
  assert.deepEqual(await readdir(dir), ["instance.json"], "the .partial file was renamed");
  const first = await readFile(file, "utf8");
  const data = JSON.parse(first) as Record<string, unknown[]>;
  for (const section of ["people", "blogs", "tags", "posts", "postRevisions", "comments", "reactions", "mentions"])
    assert.ok(data[section]!.length > 0, `${section} is exported`);
  for (const section of ["follows", "links", "webmentions", "sanctions", "reports", "auditLog"])
    assert.ok(data[section]!.length > 0, `${section} is exported`);
  assert.deepEqual(Object.keys(data), ["meta", ...SECTION_ORDER]);

  await resetDb();
  const summary = await importExport(createReadStream(file, { highWaterMark: 1024 }));
  await rm(dir, { recursive: true, force: true });
  assert.equal(summary.counts.comments, 6);
  const second = await exportText({ kind: "instance" });
  assert.deepEqual(comparable(second), comparable(first));

  // The same site: the thread, the guest, the citation, the search index.
  const guest = await db.comment.findFirstOrThrow({ where: { guestName: "Visiteuse" } });
  assert.equal(guest.guestEmail, "v@example.test");
  assert.equal(guest.status, "pending");
  const link = await db.link.findFirstOrThrow({ where: { sourcePostId: site.post.id } });
  assert.equal(link.targetPostId, site.cited.id);
  assert.equal((await searchPosts({ q: "journal", limit: 10, offset: 0 })).total, 1);
  // Nobody has a password; a reset link lets them in.
  assert.equal(await db.user.count({ where: { passwordHash: { not: null } } }), 0);
  await requestPasswordReset(site.josee.email!, "fr", "203.0.113.9");
  assert.equal(await db.authToken.count({ where: { userId: site.josee.id, purpose: "reset_password" } }), 1);
});

test("a blog's export holds only that blog, no secrets, and comes back identical on its own", async () => {
  const site = await buildSite();
  const scope = await resolveScope("carnet");
  const text = await exportText(scope);
  for (const secret of [SECRET_HASH, "SECRET-HASH-MARKER", "RESET-TOKEN-MARKER", "SESSION-TOKEN-MARKER", "trb_"])
    assert.ok(!text.includes(secret), `no ${secret}`);
  assert.ok(!/passwordHash|tokenHash|sessionToken|sessionVersion/.test(text));
  for (const foreign of ["L’hebdo secret", site.hebdo.id, "Ailleurs seulement", "Sur l’autre blogue", "Pourriel"])
    assert.ok(!text.includes(foreign), `nothing of the other blog: ${foreign}`);
  assert.ok(!text.includes(site.outsider.id), "nobody who took no part in the blog");
  const data = JSON.parse(text) as Record<string, Record<string, unknown>[]>;
  assert.deepEqual(data.meta, { ...data.meta, scope: { kind: "blog", blog: "carnet" } });
  assert.deepEqual(
    data.blogs!.map((b) => b.slug),
    ["carnet"],
  );
  const people = new Map(data.people!.map((p) => [p.handle, p]));
  assert.equal(people.get("noemie")!.email, "noemie@example.test", "members keep their address");
  assert.equal(people.get("sylvain")!.email, null, "a commenter's address stays on the instance");
  assert.ok(data.people!.every((p) => p.role === "member"));
  assert.equal(data.links![0]!.targetPostId, null, "a citation of another blog keeps only its address");
  assert.equal(data.sanctions!.length, 1);

  await resetDb();
  await importExport(pieces(text, 4096));
  assert.deepEqual(comparable(await exportText(await resolveScope("carnet"))), comparable(text));
});

test("the download route: owners get their blog, admins the instance, anyone else 404 or 403", async () => {
  const site = await buildSite();
  const token = async (user: { id: string }) => (await createApiToken(user.id, "export")).token;
  const get = (path: string, bearer: string) =>
    new Request(`http://localhost:3999${path}`, { headers: { authorization: `Bearer ${bearer}` } });
  const blogRoute = (slug: string, bearer: string) =>
    exportBlogRoute(get(`/write/${slug}/settings/export`, bearer), { params: Promise.resolve({ blog: slug }) });

  const own = await blogRoute("carnet", await token(site.josee));
  assert.equal(own.status, 200);
  assert.match(own.headers.get("content-disposition")!, /attachment; filename="tribune-export-carnet-/);
  assert.equal(JSON.parse(await own.text()).meta.scope.blog, "carnet");
  assert.equal((await blogRoute("carnet", await token(site.sylvain))).status, 404, "another blog's owner");
  assert.equal((await blogRoute("carnet", await token(site.noemie))).status, 404, "a moderator");
  assert.equal((await blogRoute("carnet", await token(site.admin))).status, 200, "an admin");

  assert.equal((await exportInstanceRoute(get("/admin/export", await token(site.josee)))).status, 403);
  const whole = await exportInstanceRoute(get("/admin/export", await token(site.admin)));
  assert.equal(whole.status, 200);
  assert.equal(JSON.parse(await whole.text()).blogs.length, 2);

  // Each export reads a whole blog: 10 per hour per person.
  const josee = await token(site.josee);
  for (let i = 1; i < 10; i++) assert.equal((await blogRoute("carnet", josee)).status, 200);
  assert.equal((await blogRoute("carnet", josee)).status, 429);
});

test("an instance that is not empty refuses the import and keeps everything as it was", async () => {
  await buildSite();
  const text = await exportText({ kind: "instance" });
  const before = await countRows();
  await assert.rejects(importExport(pieces(text)), (error: unknown) => {
    assert.ok(error instanceof ImportRefusal);
    assert.match(error.message, /not empty/);
    return true;
  });
  assert.deepEqual(await countRows(), before);
});

test("replies listed before their parent within an article are accepted (imported threads with odd dates)", async () => {
  await buildSite();
  const text = await exportText({ kind: "instance" });
  const lines = text.split("\n");
  const start = lines.indexOf('"comments": [') + 1;
  const end = lines.indexOf("],", start);
  const comments = lines.slice(start, end).map((line) => line.replace(/,$/, ""));
  const byPost = new Map<string, string[]>();
  for (const line of comments) {
    const { postId } = JSON.parse(line) as { postId: string };
    byPost.set(postId, [...(byPost.get(postId) ?? []), line]);
  }
  const reversed = [...byPost.values()].flatMap((group) => group.reverse());
  const shuffled = [...lines.slice(0, start), reversed.join(",\n"), ...lines.slice(end)].join("\n");
  await resetDb();
  await importExport(pieces(shuffled));
  assert.deepEqual(comparable(await exportText({ kind: "instance" })), comparable(text));
});

test("a cut, invalid or inconsistent file is refused and leaves nothing behind", async () => {
  await buildSite();
  const text = await exportText({ kind: "instance" });
  await resetDb();
  const empty = await countRows();
  const comment = (JSON.parse(text) as { comments: { id: string; bodySource: string }[] }).comments[1]!;
  const broken: [string, RegExp][] = [
    [text.slice(0, Math.floor(text.length * 0.8)), /cut/],
    [text.replace('"version":1', '"version":99'), /format version 1/],
    [
      text.replace(`"bodySource":${JSON.stringify(comment.bodySource)}`, '"bodySource":42'),
      /comments\[\d+\] bodySource/,
    ],
    [text.replace(/"postId":"[^"]+","parentId"/, '"postId":"nowhere","parentId"'), /comments/],
    ['{"people": [{"id": "x"}]}', /must start with its "meta" header/],
    ["{}", /must start with its "meta" header/],
    ["not json", /not valid JSON/],
  ];
  for (const [file, reason] of broken) {
    await assert.rejects(importExport(pieces(file)), (error: unknown) => {
      assert.ok(error instanceof ImportRefusal, String(error));
      assert.match(error.message, reason);
      return true;
    });
    assert.deepEqual(await countRows(), empty);
  }
});

test("markdown: a blog as a content/ folder, one file per article with its front matter", async () => {
  await buildSite();
  const dir = await mkdtemp(join(tmpdir(), "tribune-md-"));
  try {
    const scope = await resolveScope("carnet");
    assert.equal(scope.kind, "blog");
    const { folder, posts } = await exportBlogMarkdown(scope.kind === "blog" ? scope.blogId : "", dir);
    assert.equal(posts, 1);
    const files = await readdir(join(folder, "posts"));
    assert.equal(files.length, 1);
    const file = matter(await readFile(join(folder, "posts", files[0]!), "utf8"), {
      engines: { yaml: { parse: (yaml: string) => parseYaml(yaml) as object } },
    });
    const front = PostFileSchema.parse(file.data);
    assert.equal(front.title, "« Nos médias » 😀");
    assert.deepEqual(front.tags, ["médias", "village"]);
    assert.match(file.content, /c’est la fin…/);
    assert.match(await readFile(join(folder, "blog.md"), "utf8"), /handle: noemie/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

const cli = (script: string, args: string[]) =>
  spawnSync("node_modules/.bin/tsx", ["--import", "./scripts/lib/register.mjs", script, ...args], {
    env: process.env,
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
  });

test("the commands: export a blog to a file, import:json refuses a non-empty instance, then loads it", async () => {
  await buildSite();
  const dir = await mkdtemp(join(tmpdir(), "tribune-cli-export-"));
  try {
    const file = join(dir, "carnet.json");
    const exported = cli("scripts/export.ts", ["--blog", "carnet", file]);
    assert.equal(exported.status, 0, exported.stderr);
    assert.match(exported.stdout, /Exported the blog carnet/);
    assert.equal(cli("scripts/export.ts", ["--blog", "nowhere", join(dir, "x.json")]).status, 1);
    assert.equal(cli("scripts/export.ts", []).status, 2, "usage");

    const before = await countRows();
    const refused = cli("scripts/import-json.ts", [file]);
    assert.equal(refused.status, 1);
    assert.match(refused.stderr, /Import refused: This instance is not empty/);
    assert.deepEqual(await countRows(), before);

    await resetDb();
    const loaded = cli("scripts/import-json.ts", [file]);
    assert.equal(loaded.status, 0, loaded.stderr);
    assert.match(loaded.stdout, /Imported the blog carnet/);
    assert.match(loaded.stdout, /Forgot your password/);
    assert.equal(await db.blog.count(), 1);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
