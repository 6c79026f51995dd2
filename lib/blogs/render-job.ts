import "server-only";
import { z } from "zod";
import { rerenderStaleComments } from "@/lib/comments";
import { defineJob } from "@/lib/jobs";
import { BLOG_RENDER_JOB } from "@/lib/markdown";
import { pagesChanged } from "@/lib/page-cache";
import { rerenderStalePosts } from "@/lib/posts";

/**
 * The job queued when a blog's rendering settings change (French typography, language): its
 * articles and comments are rendered again with the new settings, in bounded batches, off the
 * request that saved them; then the cached pages are forgotten.
 */
const renderBlogJob = defineJob({
  schema: z.object({ blogId: z.string().min(1).max(64) }),
  run: async ({ blogId }) => {
    const changed = (await rerenderStalePosts({ blogId })) + (await rerenderStaleComments({ blogId }));
    if (changed > 0) await pagesChanged();
  },
  maxAttempts: 3,
});

/** renderJobs: the render job kinds, for lib/background's handlers. */
export const renderJobs = { [BLOG_RENDER_JOB]: renderBlogJob };
