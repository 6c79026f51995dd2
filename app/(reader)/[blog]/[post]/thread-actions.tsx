"use server";

import { z } from "zod";
import { CommentThread } from "@/components/comments/comment-thread";
import { pageQuery, threadPermissions } from "@/components/comments/thread-view";
import { getViewer } from "@/lib/auth";
import { listEditHistory, listThread, ThreadPageSchema, ThreadSortSchema } from "@/lib/comments";

const PageRequestSchema = z.object({
  postId: z.string().min(1).max(64),
  basePath: z.string().regex(/^\/[a-z0-9-]{1,80}\/[a-z0-9-]{1,200}$/),
  sort: ThreadSortSchema,
});

/**
 * loadThreadPageAction: page `page` of an article's discussion, rendered for the viewer (the
 * "Show more comments" button appends it). Bound by the page to the article and the sort.
 */
export async function loadThreadPageAction(request: z.input<typeof PageRequestSchema>, page: number) {
  const { postId, basePath, sort } = PageRequestSchema.parse(request);
  const viewer = await getViewer();
  const number = ThreadPageSchema.parse(page);
  const [thread, history] = await Promise.all([
    listThread(postId, viewer, { sort, page: number }),
    listEditHistory(viewer, postId),
  ]);
  // A page past the last reads as the last: nothing to append twice.
  if (thread.page.number !== number) return null;
  return (
    <CommentThread
      comments={thread.tree}
      postId={postId}
      basePath={basePath}
      permissions={threadPermissions(thread.viewer, Boolean(viewer))}
      query={pageQuery(sort, number)}
      history={history}
    />
  );
}
