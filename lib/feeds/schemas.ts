import { z } from "zod";

// Route params are only looked up, never stored: a shape check is enough (the lookups are exact).
const Slug = z
  .string()
  .max(200)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);

/** BlogFeedParamsSchema: params of /<blog>/feed.xml and /<blog>/atom.xml. */
export const BlogFeedParamsSchema = z.object({ blog: Slug });
/** TagFeedParamsSchema: params of /tags/<tag>/feed.xml and /tags/<tag>/atom.xml. */
export const TagFeedParamsSchema = z.object({ tag: Slug });
/** CommentsFeedParamsSchema: params of /<blog>/<post>/comments.xml and comments.atom. */
export const CommentsFeedParamsSchema = z.object({ blog: Slug, post: Slug });
