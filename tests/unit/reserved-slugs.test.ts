import assert from "node:assert/strict";
import { readdirSync, type Dirent } from "node:fs";
import { join } from "node:path";
import { test } from "node:test";
import { BlogSlugSchema, RESERVED_BLOG_SLUGS } from "@/lib/blogs/schemas";

// [blog] sits at the root of app/: a blog whose slug is also a top-level route can never be
// reached. This reads the routes from app/ itself, so every route added later is covered.

const ROUTE_FILE = /^(page|route)\.(tsx?|jsx?|mdx?)$/;
// Metadata files Next serves at the root, by the address they answer at.
const METADATA: [RegExp, (name: string) => string][] = [
  [/^favicon\.ico$/, () => "favicon.ico"],
  [/^robots\.(tsx?|jsx?|txt)$/, () => "robots.txt"],
  [/^sitemap\.(tsx?|jsx?|xml)$/, () => "sitemap.xml"],
  [
    /^manifest\.(tsx?|jsx?|json|webmanifest)$/,
    (name) => (/\.(json|webmanifest)$/.test(name) ? name : "manifest.webmanifest"),
  ],
  [/^(icon|apple-icon|opengraph-image|twitter-image)\d*\.\w+$/, (name) => name.replace(/\.(tsx?|jsx?)$/, "")],
];

const entries = (dir: string): Dirent[] => readdirSync(dir, { withFileTypes: true });
const isGroup = (name: string) => /^\(.+\)$/.test(name) || name.startsWith("@");
const isDynamic = (name: string) => name.startsWith("[");
const isPrivate = (name: string) => name.startsWith("_");

// A folder answers requests when it, or a folder below it, holds a page or a route handler.
function routable(dir: string): boolean {
  return entries(dir).some((entry) =>
    entry.isDirectory()
      ? !isPrivate(entry.name) && routable(join(dir, entry.name))
      : ROUTE_FILE.test(entry.name) || METADATA.some(([pattern]) => pattern.test(entry.name)),
  );
}

/** topLevelRoutes: the first path segment of every address app/ serves, route groups opened. */
function topLevelRoutes(dir: string): Set<string> {
  const names = new Set<string>();
  for (const entry of entries(dir)) {
    if (entry.isDirectory()) {
      if (isPrivate(entry.name) || isDynamic(entry.name)) continue;
      if (isGroup(entry.name)) for (const name of topLevelRoutes(join(dir, entry.name))) names.add(name);
      else if (routable(join(dir, entry.name))) names.add(entry.name);
    } else {
      const metadata = METADATA.find(([pattern]) => pattern.test(entry.name));
      if (metadata) names.add(metadata[1](entry.name));
    }
  }
  return names;
}

test("reserved slugs: every top-level route of app/ is one no blog can take", () => {
  const routes = topLevelRoutes("app");
  // The walk finds routes of every kind: plain folders, route groups, route handlers, metadata files.
  for (const known of [
    "api",
    "login",
    "unsubscribe",
    "verify-email",
    "reset-password",
    "write",
    "feed.xml",
    "robots.txt",
  ])
    assert.ok(routes.has(known), `app/ serves /${known}`);
  assert.ok(!routes.has("styles"), "a folder without a page or route is no route");
  for (const name of routes) {
    assert.equal(BlogSlugSchema.safeParse(name).success, false, `a blog could take the slug "${name}"`);
    if (/^[a-z0-9-]+$/.test(name)) assert.ok(RESERVED_BLOG_SLUGS.has(name), `"${name}" is in RESERVED_BLOG_SLUGS`);
  }
});
