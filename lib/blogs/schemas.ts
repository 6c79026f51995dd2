import { z } from "zod";

// Top-level route segments a blog slug may not take ([blog] sits at the root of the app).
// tests/unit/reserved-slugs.test.ts checks that every top-level route of app/ is here; a slug
// that joins the list needs a migration moving any blog that has it (see
// prisma/migrations/*/20261130021500_reserved_blog_slugs).
export const RESERVED_BLOG_SLUGS = new Set([
  "api",
  "login",
  "logout",
  "signup",
  "setup",
  "settings",
  "write",
  "moderation",
  "admin",
  "search",
  "tags",
  "tag",
  "authors",
  "people",
  "u",
  "feed",
  "feed.xml",
  "atom.xml",
  "rss",
  "sitemap.xml",
  "sitemap",
  "robots.txt",
  "favicon.ico",
  "_next",
  "static",
  "uploads",
  "unsubscribe",
  "verify-email",
  "reset-password",
  "notifications",
  "account",
  "help",
  "about",
  "new",
]);

export const BlogSlugSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(2, "validation.blogSlugTooShort")
  .max(60, "validation.blogSlugTooLong")
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "validation.slugChars")
  .refine((slug) => !RESERVED_BLOG_SLUGS.has(slug), "validation.blogSlugReserved");

export const LanguageSchema = z.enum(["fr", "en"]);
export const CommentPolicySchema = z.enum(["open", "members", "closed"]);
export const MembershipRoleSchema = z.enum(["owner", "author", "moderator"]);
