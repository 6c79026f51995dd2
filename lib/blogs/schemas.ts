import { z } from "zod";

// Top-level route segments a blog slug may not take ([blog] sits at the root of the app).
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
