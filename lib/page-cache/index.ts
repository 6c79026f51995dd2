import "server-only";
import { publishPagesChanged } from "@/lib/live";
import { INSTANCE } from "./instance";
import { bump } from "./store";

/**
 * pagesChanged: what anonymous readers see changed. With a postId, that article's page (its
 * discussion: a comment, an edit, a removal, a like); without, every page (a post published or
 * edited, a blog's settings or members, a profile). This instance forgets at once; the others
 * hear it over the live bus. Call it after the write is committed.
 */
export async function pagesChanged(postId?: string): Promise<void> {
  bump(postId);
  await publishPagesChanged({ type: "pages.changed", postId, from: INSTANCE });
}
