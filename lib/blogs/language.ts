import "server-only";
import { db } from "@/lib/db";

const TTL_MS = 60_000;
const cache = new Map<string, { language: string | null; at: number }>();

/**
 * blogLanguageOf: the language of the blog at this slug (null if none), remembered a minute
 * per process: it only sets a default, so a changed language may take a minute to show.
 */
export async function blogLanguageOf(slug: string): Promise<string | null> {
  const hit = cache.get(slug);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.language;
  const blog = await db.blog.findUnique({ where: { slug }, select: { language: true } });
  if (cache.size > 1000) cache.clear();
  cache.set(slug, { language: blog?.language ?? null, at: Date.now() });
  return blog?.language ?? null;
}

const tagCache = new Map<string, { language: string | null; at: number }>();

/** tagLanguageOf: the language of the tag at this slug (null if none), remembered a minute per process like blogLanguageOf. */
export async function tagLanguageOf(slug: string): Promise<string | null> {
  const hit = tagCache.get(slug);
  if (hit && Date.now() - hit.at < TTL_MS) return hit.language;
  const tag = await db.tag.findUnique({ where: { slug }, select: { language: true } });
  if (tagCache.size > 1000) tagCache.clear();
  tagCache.set(slug, { language: tag?.language ?? null, at: Date.now() });
  return tag?.language ?? null;
}
