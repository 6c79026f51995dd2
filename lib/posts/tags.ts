import "server-only";
import { foldKey } from "@/lib/users/schemas";
import type { Tx } from "./access";

/** tagSlug: the shared slug of a tag name ("Débat public" → "debat-public"), as content sync makes it. */
export const tagSlug = (name: string) =>
  foldKey(name)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "") || "tag";

/** setPostTags: replaces the post's tags, creating shared Tag rows as needed. */
export async function setPostTags(tx: Tx, postId: string, names: string[]): Promise<void> {
  const tagIds = new Set<string>();
  for (const name of names) {
    const slug = tagSlug(name);
    tagIds.add((await tx.tag.upsert({ where: { slug }, create: { slug, name }, update: {}, select: { id: true } })).id);
  }
  await tx.postTag.deleteMany({ where: { postId } });
  if (tagIds.size) await tx.postTag.createMany({ data: [...tagIds].map((tagId) => ({ postId, tagId })) });
}
