import "server-only";
import { publishPagesChanged } from "@/lib/live";
import { listedScopes } from "@/lib/posts/public-id";
import { INSTANCE } from "./instance";
import { postScope } from "./policy";
import { bump } from "./store";

/**
 * pagesChanged: what anonymous readers see changed. With a postId, the pages showing that
 * article's discussion or its comment count: the article, its blog's home, its tags' pages and
 * the home page (latest articles, "being discussed"); without, every page (a post published,
 * edited or deleted, a blog's settings or members, a profile: what an article, a list and the
 * home page all show). This instance forgets at once; the others hear it over the live bus.
 * Call it after the write is committed.
 */
export async function pagesChanged(postId?: string): Promise<void> {
  const scopes = postId ? [postScope(postId), ...(await listedScopes(postId))] : undefined;
  bump(scopes);
  await publishPagesChanged({ type: "pages.changed", postId, scopes, from: INSTANCE });
}
