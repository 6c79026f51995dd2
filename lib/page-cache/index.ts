import "server-only";
import { publishPagesChanged } from "@/lib/live";
import { listedScopes } from "@/lib/posts/public-id";
import { INSTANCE } from "./instance";
import { postScope } from "./policy";
import { bump } from "./store";

/**
 * Which lists a change of an article's discussion reaches: "all" (its comment count or its
 * latest comment moved: its blog's home, its tags' pages and the home page), "home" (only the
 * home page's "being discussed", which quotes the latest comments: an edit) or "none" (a like,
 * which only the article shows).
 */
export type ListsReached = "all" | "home" | "none";

/**
 * pagesChanged: what anonymous readers see changed. With a postId, the pages showing that
 * article's discussion, and the lists it reaches (`lists`, by default all of them: the article,
 * its blog's home, its tags' pages and the home page); without, every page (a post published,
 * edited or deleted, a blog's settings or members, a profile: what an article, a list and the
 * home page all show). This instance forgets at once; the others hear it over the live bus.
 * Call it after the write is committed.
 */
export async function pagesChanged(postId?: string, lists: ListsReached = "all"): Promise<void> {
  const scopes = postId
    ? [postScope(postId), ...(lists === "all" ? await listedScopes(postId) : lists === "home" ? ["home"] : [])]
    : undefined;
  bump(scopes);
  await publishPagesChanged({ type: "pages.changed", postId, scopes, from: INSTANCE });
}
