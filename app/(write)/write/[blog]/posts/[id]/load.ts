import "server-only";
import { notFound } from "next/navigation";
import { cache } from "react";
import { requireViewer } from "@/lib/auth";
import { isAppError } from "@/lib/errors";
import { getPostForEditor } from "@/lib/posts";

/** loadEditorPost: the post for its editor pages, or notFound() for anyone who may not edit it. */
export const loadEditorPost = cache(async (blogSlug: string, postId: string, from: string) => {
  const viewer = await requireViewer(from);
  const post = await getPostForEditor(viewer, postId).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  if (post.blog.slug !== blogSlug) notFound();
  return { viewer, post };
});
