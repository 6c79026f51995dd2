import assert from "node:assert/strict";
import { test } from "node:test";
import { BlogSlugSchema } from "@/lib/blogs/schemas";
import { PostFileSchema } from "@/lib/content/schemas";
import { internalPostPath } from "@/lib/links/internal";
import { DisplayNameSchema, PublicHandleSchema, foldKey } from "@/lib/users/schemas";

test("users: display names keep accents and spaces but refuse bidi overrides and zero-width characters", () => {
  assert.equal(DisplayNameSchema.parse("  Sylvain   Dionne "), "Sylvain Dionne");
  assert.equal(DisplayNameSchema.parse("Josée"), "Josée");
  assert.equal(DisplayNameSchema.safeParse("Eve\u202Enomis").success, false);
  assert.equal(DisplayNameSchema.safeParse("Jos\u200Bée").success, false);
  assert.equal(DisplayNameSchema.safeParse("   ").success, false);
});

test("users: handles are validated and reserved words refused", () => {
  assert.equal(PublicHandleSchema.safeParse("EtienneDenis").success, true);
  assert.equal(PublicHandleSchema.safeParse("Admin").success, false);
  assert.equal(PublicHandleSchema.safeParse("a b").success, false);
  assert.equal(PublicHandleSchema.safeParse("x".repeat(31)).success, false);
  assert.equal(foldKey("Marie-Ève Bélanger"), "marie-eve belanger");
});

test("blogs: slugs are normalized and reserved route names refused", () => {
  assert.equal(BlogSlugSchema.parse(" Carnet-De-Josee "), "carnet-de-josee");
  assert.equal(BlogSlugSchema.safeParse("api").success, false);
  assert.equal(BlogSlugSchema.safeParse("a--b").success, false);
});

test("content: a published article needs a date with a time zone", () => {
  const base = { title: "T", author: "josee", status: "published" };
  assert.equal(PostFileSchema.safeParse(base).success, false);
  assert.equal(PostFileSchema.safeParse({ ...base, publishedAt: "2026-10-14" }).success, false);
  assert.equal(PostFileSchema.safeParse({ ...base, publishedAt: "2026-10-14T09:30:00-04:00" }).success, true);
  assert.equal(PostFileSchema.safeParse({ ...base, publishedAt: "2026-10-14T09:30:00Z", extra: 1 }).success, false);
});

test("links: recognizes links to articles of this instance", () => {
  assert.deepEqual(internalPostPath("/open-margins/link-generously"), {
    blog: "open-margins",
    post: "link-generously",
  });
  assert.deepEqual(internalPostPath("https://tribune.test/a/b", "https://tribune.test"), { blog: "a", post: "b" });
  assert.equal(internalPostPath("https://elsewhere.test/a/b", "https://tribune.test"), null);
  assert.equal(internalPostPath("/a"), null);
  assert.equal(internalPostPath("mailto:x@y.z"), null);
});
