import "server-only";
import { pagesChanged } from "@/lib/page-cache";
import { noticePostCitations } from "@/lib/links";
import { queuePostWebmentions } from "@/lib/links/webmention";
import { indexPost, removeFromIndex } from "@/lib/search";

/**
 * publicPostChanged: what readers can see of a post changed (a committed save of a public post,
 * a publication, an unpublication, a deletion or a restore). The search index follows, and the
 * page caches forget every page: lists, the article, and the articles it cites ("cited by").
 * Webmentions are queued for its external links. The post is already saved: a failure here is
 * logged, not reported as a failed save.
 */
export async function publicPostChanged(postId: string, action: "index" | "remove"): Promise<void> {
  await pagesChanged();
  try {
    if (action === "index") await indexPost(postId);
    else await removeFromIndex(postId);
  } catch (error) {
    console.error(`[posts] search ${action} failed for post ${postId}:`, error);
  }
  // Other sites hear of the links this version has, and of those it dropped (durable jobs);
  // the authors of the network's articles it cites hear of it, once.
  try {
    await queuePostWebmentions(postId);
    if (action === "index") await noticePostCitations(postId);
  } catch (error) {
    console.error(`[posts] Webmentions or citation notices failed for post ${postId}:`, error);
  }
}
