import "server-only";
import { indexPost, removeFromIndex } from "@/lib/search";

/**
 * refreshSearch: brings the search index in line with a post after its write committed. The
 * post is already saved: an index failure is logged, not reported as a failed save.
 */
export async function refreshSearch(postId: string, action: "index" | "remove"): Promise<void> {
  try {
    if (action === "index") await indexPost(postId);
    else await removeFromIndex(postId);
  } catch (error) {
    console.error(`[posts] search ${action} failed for post ${postId}:`, error);
  }
}
