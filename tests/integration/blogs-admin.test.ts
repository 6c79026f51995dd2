import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import { after, beforeEach, test } from "node:test";
import { getBlogRole, type Actor } from "@/lib/auth";
import {
  addMember,
  canCreateBlog,
  changeMemberRole,
  createBlog,
  getBlogSettings,
  isOpenBlogCreation,
  listAllBlogs,
  listManageableBlogs,
  listMembers,
  removeMember,
  resolveBlogSlug,
  setOpenBlogCreation,
  updateBlogSettings,
  type UpdateBlogSettingsInput,
} from "@/lib/blogs";
import { db, disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createBlog as createBlogRow, createUser } from "../factories";
import { countRows, resetDb } from "../setup/db";

const uploads = mkdtempSync(join(tmpdir(), "tribune-blog-uploads-"));
process.env.UPLOADS_DIR = uploads;

const rejects = (code: string, message?: string, field?: string) => (error: unknown) => {
  assert.ok(error instanceof AppError, String(error));
  assert.equal(error.code, code, `${error.code} ${error.message}`);
  if (message) assert.equal(error.message, message);
  if (field) assert.equal(error.details?.field, field);
  return true;
};

/** A blog with one person in each role, plus an admin, an outsider and anonymous. */
async function cast() {
  const [admin, owner, author, moderator, outsider] = await Promise.all([
    createUser({ handle: "admin_anne", role: "admin" }),
    createUser({ handle: "josee" }),
    createUser({ handle: "sylvain" }),
    createUser({ handle: "noemie" }),
    createUser({ handle: "tom" }),
  ]);
  const blog = await createBlogRow({ slug: "carnet", name: "Le carnet", ownerId: owner.id, language: "fr" });
  await db.membership.createMany({
    data: [
      { blogId: blog.id, userId: author.id, role: "author" },
      { blogId: blog.id, userId: moderator.id, role: "moderator" },
    ],
  });
  return { admin, owner, author, moderator, outsider, anonymous: null as Actor, blog };
}

const settings = (over: Partial<UpdateBlogSettingsInput> = {}): UpdateBlogSettingsInput => ({
  name: "Le carnet",
  slug: "carnet",
  language: "fr",
  commentPolicy: "open",
  ...over,
});

/** Everything a refused write could have touched. */
async function snapshot(blogId: string) {
  return {
    rows: await countRows(),
    blog: await db.blog.findUniqueOrThrow({ where: { id: blogId }, omit: { updatedAt: true } }),
    aliases: await db.blogSlugAlias.count(),
    memberships: await db.membership.findMany({ where: { blogId }, select: { userId: true, role: true } }),
    events: await db.auditEntry.count(),
  };
}

function png(): File {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type), data]);
    let c = 0xffffffff;
    for (const byte of body) c = crcTable[(c ^ byte) & 0xff]! ^ (c >>> 8);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE((c ^ 0xffffffff) >>> 0, 8 + data.length);
    return out;
  };
  const header = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
  const bytes = Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(Buffer.from([0, 255, 0, 0]))),
    chunk("IEND", Buffer.alloc(0)),
  ]);
  return new File([bytes], "logo.png", { type: "image/png" });
}
const fileOf = (url: string | null) => join(uploads, url!.split("/").at(-1)!);

beforeEach(resetDb);
after(async () => {
  rmSync(uploads, { recursive: true, force: true });
  await disconnectDb();
});

test("blogs: admins always create blogs; others only when open blog creation is on", async () => {
  const { admin, owner, outsider, anonymous } = await cast();
  assert.equal(await isOpenBlogCreation(), false);
  assert.equal(await canCreateBlog(admin), true);
  assert.equal(await canCreateBlog(outsider), false);
  assert.equal(await canCreateBlog(anonymous), false);
  const before = await countRows();
  await assert.rejects(createBlog(outsider, { name: "Mine", slug: "mine", language: "en" }), rejects("FORBIDDEN"));
  await assert.rejects(
    createBlog(anonymous, { name: "Mine", slug: "mine", language: "en" }),
    rejects("UNAUTHENTICATED"),
  );
  assert.deepEqual(await countRows(), before);

  for (const actor of [owner, outsider]) await assert.rejects(setOpenBlogCreation(actor, true), rejects("FORBIDDEN"));
  await assert.rejects(setOpenBlogCreation(anonymous, true), rejects("UNAUTHENTICATED"));
  assert.equal(await isOpenBlogCreation(), false);

  await setOpenBlogCreation(admin, true);
  assert.equal(await canCreateBlog(outsider), true);
  assert.equal(await canCreateBlog(anonymous), false);
  const mine = await createBlog(outsider, { name: "  Mes   notes ", slug: "Mes-Notes", language: "fr", tagline: "" });
  assert.equal(mine.slug, "mes-notes");
  const row = await db.blog.findUniqueOrThrow({ where: { id: mine.id } });
  assert.deepEqual([row.name, row.tagline, row.language, row.frenchTypography], ["Mes notes", null, "fr", true]);
  assert.equal(await getBlogRole(outsider.id, mine.id), "owner");

  await setOpenBlogCreation(admin, false);
  assert.equal(await canCreateBlog(outsider), false);
  assert.equal((await db.setting.findUniqueOrThrow({ where: { key: "open_blog_creation" } })).value, "0");
});

test("blogs: only admins appoint another owner; the appointment is logged", async () => {
  const { admin, owner, outsider } = await cast();
  await setOpenBlogCreation(admin, true);
  await assert.rejects(
    createBlog(owner, { name: "For Tom", slug: "for-tom", language: "en", ownerHandle: "tom" }),
    rejects("FORBIDDEN"),
  );
  await assert.rejects(
    createBlog(admin, { name: "Nobody", slug: "nobody", language: "en", ownerHandle: "ghost" }),
    rejects("INVALID_INPUT", "validation.handleUnknown", "ownerHandle"),
  );
  assert.equal(await db.blog.count({ where: { slug: { in: ["for-tom", "nobody"] } } }), 0);

  const blog = await createBlog(admin, { name: "Tom's", slug: "toms", language: "en", ownerHandle: "@TOM" });
  assert.equal(await getBlogRole(outsider.id, blog.id), "owner");
  assert.equal(await getBlogRole(admin.id, blog.id), null);
  const event = await db.auditEntry.findFirstOrThrow({ where: { blogId: blog.id } });
  assert.deepEqual(
    [event.action, event.subjectType, event.subjectId, event.actorId, event.actorName, event.blogName],
    ["blog.member.add", "user", outsider.id, admin.id, admin.name, "Tom's"],
  );
  const all = await listAllBlogs(admin);
  assert.deepEqual(
    all.find((b) => b.slug === "toms")?.owners.map((o) => o.handle),
    ["tom"],
  );
  await assert.rejects(listAllBlogs(owner), rejects("FORBIDDEN"));
});

test("blogs: settings are for owners and admins; others are refused and nothing changes", async () => {
  const { admin, owner, author, moderator, outsider, anonymous, blog } = await cast();
  const before = await snapshot(blog.id);
  await assert.rejects(updateBlogSettings(author, blog.id, settings({ name: "X" })), rejects("FORBIDDEN"));
  await assert.rejects(updateBlogSettings(moderator, blog.id, settings({ name: "X" })), rejects("FORBIDDEN"));
  await assert.rejects(updateBlogSettings(outsider, blog.id, settings({ name: "X" })), rejects("NOT_FOUND"));
  await assert.rejects(updateBlogSettings(anonymous, blog.id, settings({ name: "X" })), rejects("UNAUTHENTICATED"));
  await assert.rejects(updateBlogSettings(owner, "missing-blog", settings()), rejects("NOT_FOUND"));
  assert.deepEqual(await snapshot(blog.id), before);

  for (const actor of [author, moderator, outsider, anonymous]) {
    assert.equal(await getBlogSettings(actor, "carnet"), null);
  }
  assert.equal((await getBlogSettings(owner, "carnet"))?.id, blog.id);
  assert.equal((await getBlogSettings(admin, "carnet"))?.id, blog.id);

  await updateBlogSettings(owner, blog.id, {
    ...settings({ name: "Le carnet de Josée", tagline: "  Notes  ", description: "" }),
    accentColor: "#AA3300",
    commentPolicy: "members",
    allowGuestComments: true,
    frenchTypography: true,
  });
  const saved = await db.blog.findUniqueOrThrow({ where: { id: blog.id } });
  assert.deepEqual(
    [saved.name, saved.tagline, saved.description, saved.accentColor, saved.commentPolicy, saved.allowGuestComments],
    ["Le carnet de Josée", "Notes", null, "#aa3300", "members", true],
  );
  await updateBlogSettings(admin, blog.id, settings({ name: "Renamed by the admin", accentColor: "" }));
  const byAdmin = await db.blog.findUniqueOrThrow({ where: { id: blog.id } });
  assert.deepEqual(
    [byAdmin.name, byAdmin.accentColor, byAdmin.allowGuestComments],
    ["Renamed by the admin", null, false],
  );
});

test("blogs: a changed slug leaves a permanent redirect from every old one, and can be taken back", async () => {
  const { owner, blog } = await cast();
  assert.deepEqual((await resolveBlogSlug("carnet"))?.blog?.id, blog.id);
  assert.equal(await resolveBlogSlug("nothing-here"), null);

  await updateBlogSettings(owner, blog.id, settings({ slug: "carnet-de-josee" }));
  assert.deepEqual(await resolveBlogSlug("carnet"), { redirectTo: "carnet-de-josee" });
  assert.equal((await resolveBlogSlug("carnet-de-josee"))?.blog?.id, blog.id);

  await updateBlogSettings(owner, blog.id, settings({ slug: "josee" }));
  assert.deepEqual(await resolveBlogSlug("carnet"), { redirectTo: "josee" });
  assert.deepEqual(await resolveBlogSlug("carnet-de-josee"), { redirectTo: "josee" });
  assert.deepEqual(
    (await db.blogSlugAlias.findMany({ where: { blogId: blog.id }, orderBy: { slug: "asc" } })).map((a) => a.slug),
    ["carnet", "carnet-de-josee"],
  );
  // Another spelling of the current slug redirects to the canonical one.
  assert.deepEqual(await resolveBlogSlug("Josee"), { redirectTo: "josee" });

  // Back to an old slug: the alias is reclaimed and the slug just left becomes one.
  await updateBlogSettings(owner, blog.id, settings({ slug: "carnet" }));
  assert.equal((await resolveBlogSlug("carnet"))?.blog?.id, blog.id);
  assert.deepEqual(await resolveBlogSlug("josee"), { redirectTo: "carnet" });
  assert.deepEqual(
    (await db.blogSlugAlias.findMany({ where: { blogId: blog.id }, orderBy: { slug: "asc" } })).map((a) => a.slug),
    ["carnet-de-josee", "josee"],
  );
  // Saving without a slug change writes no alias.
  await updateBlogSettings(owner, blog.id, settings({ slug: "carnet", name: "Same slug" }));
  assert.equal(await db.blogSlugAlias.count(), 2);
});

test("blogs: a slug used now or before by another blog is a CONFLICT and nothing is written", async () => {
  const { admin, owner, blog } = await cast();
  const other = await createBlogRow({ slug: "chroniques", ownerId: admin.id });
  await updateBlogSettings(admin, other.id, settings({ name: "Chroniques", slug: "chroniques-numeriques" }));
  const before = await snapshot(blog.id);
  for (const slug of ["chroniques-numeriques", "chroniques"]) {
    await assert.rejects(
      updateBlogSettings(owner, blog.id, settings({ slug, name: "Should not be saved" })),
      rejects("CONFLICT", "validation.blogSlugTaken", "slug"),
    );
    await assert.rejects(
      createBlog(admin, { name: "New", slug, language: "en" }),
      rejects("CONFLICT", "validation.blogSlugTaken", "slug"),
    );
  }
  assert.deepEqual(await snapshot(blog.id), before);
  assert.deepEqual(await resolveBlogSlug("chroniques"), { redirectTo: "chroniques-numeriques" });
});

test("blogs: bad input is refused with its message key and nothing is saved", async () => {
  const { admin, owner, blog } = await cast();
  const before = await snapshot(blog.id);
  const cases: [Partial<UpdateBlogSettingsInput>, string, string][] = [
    [{ name: "   " }, "validation.blogNameEmpty", "name"],
    [{ name: "x".repeat(81) }, "validation.blogNameTooLong", "name"],
    [{ accentColor: "red" }, "validation.accentColor", "accentColor"],
    [{ accentColor: "#12345" }, "validation.accentColor", "accentColor"],
    [{ accentColor: "#12345g" }, "validation.accentColor", "accentColor"],
    [{ slug: "admin" }, "validation.blogSlugReserved", "slug"],
    [{ slug: "write" }, "validation.blogSlugReserved", "slug"],
    [{ slug: "x".repeat(61) }, "validation.blogSlugTooLong", "slug"],
    [{ slug: "Bad slug!" }, "validation.slugChars", "slug"],
    [{ tagline: "t".repeat(141) }, "validation.taglineTooLong", "tagline"],
    [{ description: "d".repeat(1001) }, "validation.descriptionTooLong", "description"],
    [{ language: "de" as "fr" }, "validation.invalid", "language"],
    [{ commentPolicy: "everyone" as "open" }, "validation.invalid", "commentPolicy"],
  ];
  for (const [over, message, field] of cases) {
    await assert.rejects(updateBlogSettings(owner, blog.id, settings(over)), rejects("INVALID_INPUT", message, field));
  }
  await assert.rejects(
    createBlog(admin, { name: "", slug: "empty", language: "en" }),
    rejects("INVALID_INPUT", "validation.blogNameEmpty", "name"),
  );
  await assert.rejects(
    createBlog(admin, { name: "Admin", slug: "admin", language: "en" }),
    rejects("INVALID_INPUT", "validation.blogSlugReserved", "slug"),
  );
  assert.deepEqual(await snapshot(blog.id), before);
});

test("blogs: logo and header images are uploaded, replaced and removed with the settings", async () => {
  const { owner, blog } = await cast();
  await updateBlogSettings(owner, blog.id, settings({ logo: png(), headerImage: png() }));
  const first = await db.blog.findUniqueOrThrow({ where: { id: blog.id } });
  assert.match(first.logoUrl ?? "", /^\/uploads\/[a-f0-9]{32}\.png$/);
  assert.match(first.headerImageUrl ?? "", /^\/uploads\/[a-f0-9]{32}\.png$/);
  assert.ok(existsSync(fileOf(first.logoUrl)));

  // A refused image (SVG) names its field, and the stored ones stay.
  const svg = new File(['<svg xmlns="http://www.w3.org/2000/svg"/>'], "logo.svg", { type: "image/svg+xml" });
  await assert.rejects(
    updateBlogSettings(owner, blog.id, settings({ logo: svg, name: "Not saved" })),
    rejects("INVALID_INPUT", "validation.uploadType", "logo"),
  );
  // A slug conflict after a good upload: the new file is deleted with the rest of the attempt.
  await createBlogRow({ slug: "taken" });
  const files = readdirSync(uploads).sort();
  await assert.rejects(
    updateBlogSettings(owner, blog.id, settings({ slug: "taken", logo: png() })),
    rejects("CONFLICT"),
  );
  const unchanged = await db.blog.findUniqueOrThrow({ where: { id: blog.id } });
  assert.deepEqual([unchanged.name, unchanged.logoUrl], ["Le carnet", first.logoUrl]);
  assert.deepEqual(readdirSync(uploads).sort(), files, "no file is left from the refused attempts");

  await updateBlogSettings(owner, blog.id, settings({ logo: png(), removeHeaderImage: true }));
  const replaced = await db.blog.findUniqueOrThrow({ where: { id: blog.id } });
  assert.notEqual(replaced.logoUrl, first.logoUrl);
  assert.equal(replaced.headerImageUrl, null);
  assert.ok(!existsSync(fileOf(first.logoUrl)), "the replaced logo's file is deleted");
  assert.ok(!existsSync(fileOf(first.headerImageUrl)), "the removed header's file is deleted");

  await updateBlogSettings(owner, blog.id, settings({ removeLogo: true }));
  assert.equal((await db.blog.findUniqueOrThrow({ where: { id: blog.id } })).logoUrl, null);
});

test("members: owners and admins manage members; others are refused and nothing changes", async () => {
  const { admin, owner, author, moderator, outsider, anonymous, blog } = await cast();
  const newcomer = await createUser({ handle: "priya" });
  const before = await snapshot(blog.id);
  const refusals: [Actor, string][] = [
    [author, "FORBIDDEN"],
    [moderator, "FORBIDDEN"],
    [outsider, "NOT_FOUND"],
    [anonymous, "UNAUTHENTICATED"],
  ];
  for (const [actor, code] of refusals) {
    await assert.rejects(listMembers(actor, blog.id), rejects(code));
    await assert.rejects(addMember(actor, blog.id, "priya", "author"), rejects(code));
    await assert.rejects(changeMemberRole(actor, blog.id, author.id, "owner"), rejects(code));
    await assert.rejects(removeMember(actor, blog.id, moderator.id), rejects(code));
  }
  assert.deepEqual(await snapshot(blog.id), before);

  await addMember(owner, blog.id, "@Priya", "moderator");
  await changeMemberRole(admin, blog.id, newcomer.id, "author");
  assert.equal(await getBlogRole(newcomer.id, blog.id), "author");
  await removeMember(owner, blog.id, newcomer.id);
  assert.equal(await getBlogRole(newcomer.id, blog.id), null);
  const events = await db.auditEntry.findMany({ where: { blogId: blog.id }, orderBy: { createdAt: "asc" } });
  assert.deepEqual(
    events.map((e) => [e.action, e.subjectType, e.subjectId]),
    [
      ["blog.member.add", "user", newcomer.id],
      ["blog.member.role", "user", newcomer.id],
      ["blog.member.remove", "user", newcomer.id],
    ],
  );
  assert.deepEqual(JSON.parse(events[1]!.before!), { role: "moderator" });
  assert.deepEqual(JSON.parse(events[1]!.after!), { role: "author" });
  assert.deepEqual(
    (await listMembers(owner, blog.id)).map((m) => [m.handle, m.role]),
    [
      ["josee", "owner"],
      ["sylvain", "author"],
      ["noemie", "moderator"],
    ],
  );
});

test("members: unknown handles, existing members and strangers to the blog are refused", async () => {
  const { owner, author, outsider, blog } = await cast();
  const before = await snapshot(blog.id);
  await assert.rejects(
    addMember(owner, blog.id, "ghost", "author"),
    rejects("INVALID_INPUT", "validation.handleUnknown", "handle"),
  );
  await assert.rejects(
    addMember(owner, blog.id, "SYLVAIN", "moderator"),
    rejects("CONFLICT", "validation.alreadyMember", "handle"),
  );
  await assert.rejects(addMember(owner, blog.id, "tom", "admin" as "owner"), rejects("INVALID_INPUT"));
  await assert.rejects(changeMemberRole(owner, blog.id, outsider.id, "author"), rejects("NOT_FOUND"));
  await assert.rejects(removeMember(owner, blog.id, outsider.id), rejects("NOT_FOUND"));
  assert.deepEqual(await snapshot(blog.id), before);
  assert.equal(await getBlogRole(author.id, blog.id), "author");
});

test("members: the last owner can be neither removed nor demoted", async () => {
  const { admin, owner, author, blog } = await cast();
  const before = await snapshot(blog.id);
  await assert.rejects(removeMember(owner, blog.id, owner.id), rejects("CONFLICT", "errors.lastOwner"));
  await assert.rejects(removeMember(admin, blog.id, owner.id), rejects("CONFLICT", "errors.lastOwner"));
  await assert.rejects(changeMemberRole(owner, blog.id, owner.id, "author"), rejects("CONFLICT", "errors.lastOwner"));
  assert.deepEqual(await snapshot(blog.id), before);

  await changeMemberRole(owner, blog.id, author.id, "owner");
  await removeMember(author, blog.id, owner.id);
  assert.equal(await getBlogRole(owner.id, blog.id), null);
  await assert.rejects(removeMember(author, blog.id, author.id), rejects("CONFLICT", "errors.lastOwner"));
});

test("dashboard: each person sees their blogs with their role; only owners may manage", async () => {
  const { admin, owner, author, moderator, outsider, blog } = await cast();
  const second = await createBlogRow({ slug: "aaa-second", name: "A second blog", ownerId: author.id });
  assert.deepEqual(
    (await listManageableBlogs(author)).map((b) => [b.slug, b.role, b.canManage]),
    [
      [second.slug, "owner", true],
      [blog.slug, "author", false],
    ],
  );
  assert.deepEqual(
    (await listManageableBlogs(owner)).map((b) => [b.slug, b.role, b.canManage]),
    [["carnet", "owner", true]],
  );
  assert.deepEqual(
    (await listManageableBlogs(moderator)).map((b) => b.canManage),
    [false],
  );
  assert.deepEqual(await listManageableBlogs(outsider), []);
  assert.deepEqual(await listManageableBlogs(admin), []);
  assert.deepEqual(await listManageableBlogs(null), []);
});
