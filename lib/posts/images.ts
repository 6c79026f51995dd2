import "server-only";
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { consume } from "@/lib/security";
import { saveImageUpload } from "@/lib/uploads";
import { requireBlogWriter } from "./access";

export type PostImage = { url: string; width: number; height: number };

/**
 * uploadPostImage: an image pasted or dropped into an article's text, for the blog's writers
 * only (NOT_FOUND otherwise), 30 an hour per person; the upload is checked by its content
 * (lib/uploads). Its size comes back so the markdown can carry it (`#800x600`) and the page not jump.
 */
export async function uploadPostImage(actor: Actor, blogId: string, file: File): Promise<PostImage> {
  await requireBlogWriter(db, actor, blogId);
  await consume("upload", `user:${actor!.id}`);
  const { url, width, height } = await saveImageUpload(file, { purpose: "article" });
  return { url, width, height };
}

/** assertBlogWriter: throws NOT_FOUND unless the actor may write articles in the blog. */
export async function assertBlogWriter(actor: Actor, blogId: string): Promise<void> {
  await requireBlogWriter(db, actor, blogId);
}
