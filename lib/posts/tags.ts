import "server-only";
import { foldKey } from "@/lib/users/schemas";
import type { Tx } from "./access";

/** tagSlug: the shared slug of a tag name ("Débat public" → "debat-public"), as content sync makes it. */
export const tagSlug = (name: string) =>
  foldKey(name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "") || "tag";

/**
 * tagIdFor: the tag `name` in `language` (a post's blog's), created when new. Tags belong to a
 * language: the same word in another language is another tag, so an English post never shows
 * the French "Modération" a French post created first. The first language to use a slug has it
 * as it is; another language's tag of that slug ends in "-<language>" (URLs stay unique).
 */
export async function tagIdFor(tx: Tx, name: string, language: string): Promise<string> {
  const base = tagSlug(name);
  const suffixed = `${base}-${language}`;
  const own = await tx.tag.findMany({
    where: { language, slug: { in: [base, suffixed] } },
    select: { id: true, slug: true },
  });
  const found = own.find((tag) => tag.slug === base) ?? own[0];
  if (found) return found.id;
  const taken = await tx.tag.findUnique({ where: { slug: base }, select: { id: true } });
  const slug = taken ? suffixed : base;
  return (await tx.tag.upsert({ where: { slug }, create: { slug, name, language }, update: {}, select: { id: true } }))
    .id;
}

/** setPostTags: replaces the post's tags with tags of its blog's language, creating them as needed. */
export async function setPostTags(tx: Tx, postId: string, names: string[], language: string): Promise<void> {
  const tagIds = new Set<string>();
  for (const name of names) tagIds.add(await tagIdFor(tx, name, language));
  await tx.postTag.deleteMany({ where: { postId } });
  if (tagIds.size) await tx.postTag.createMany({ data: [...tagIds].map((tagId) => ({ postId, tagId })) });
}
