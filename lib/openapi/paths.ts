import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { registerBlogsApi } from "@/lib/blogs/openapi";
import { registerCommentPaths } from "@/lib/comments/openapi";
import { registerModerationQueueApi } from "@/lib/moderation/openapi-queue";
import { registerThreadToolPaths } from "@/lib/moderation/openapi-thread";
import { registerSanctionPaths } from "@/lib/moderation/openapi-sanctions";
import { registerPostsApi } from "@/lib/posts/openapi";

/** apiModules: each domain's registration of its /api/v1 operations. Add a domain here. */
export const apiModules: ((registry: OpenAPIRegistry) => void)[] = [
  registerBlogsApi,
  registerPostsApi,
  registerCommentPaths,
  registerModerationQueueApi,
  registerThreadToolPaths,
  registerSanctionPaths,
];
