import "server-only";
import { getBlogRole } from "@/lib/auth/blog-role";
import { canExportBlog, canExportInstance, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { consume } from "@/lib/security";
import type { Scope } from "./sections";
import { exportChunks } from "./write";

/** resolveScope: the operator's scope by blog slug (the command line; no person to check). NOT_FOUND for an unknown slug. */
export async function resolveScope(blogSlug?: string | null): Promise<Scope> {
  if (!blogSlug) return { kind: "instance" };
  const blog = await db.blog.findUnique({ where: { slug: blogSlug }, select: { id: true, slug: true } });
  if (!blog) throw new AppError("NOT_FOUND", "errors.notFound");
  return { kind: "blog", blogId: blog.id, slug: blog.slug };
}

/**
 * exportFor: the export a signed-in person asked for, once the policy allows it: one blog
 * (canExportBlog: its owners, admins) or the whole instance (canExportInstance: admins). Someone
 * who may not export a blog learns nothing of it (NOT_FOUND, as for an unknown slug). Each reads a
 * whole blog or instance: 10 per hour per person (RATE_LIMITED). A download reads batch by batch,
 * not in one snapshot (a transaction held at the client's pace would tie up the database):
 * for a consistent copy of a busy instance, the operator uses npm run export.
 */
export async function exportFor(
  actor: Actor,
  blogSlug: string | null,
  now: Date = new Date(),
): Promise<{ filename: string; chunks: AsyncGenerator<string> }> {
  if (!actor) throw new AppError("UNAUTHENTICATED", "errors.signInRequired");
  const day = now.toISOString().slice(0, 10);
  if (!blogSlug) {
    if (!canExportInstance(actor)) throw new AppError("FORBIDDEN", "errors.forbidden");
    await consume("export", `user:${actor.id}`);
    return { filename: `tribune-export-${day}.json`, chunks: exportChunks({ kind: "instance" }, now) };
  }
  const scope = await resolveScope(blogSlug);
  if (scope.kind !== "blog" || !canExportBlog(actor, await getBlogRole(actor.id, scope.blogId)))
    throw new AppError("NOT_FOUND", "errors.notFound");
  await consume("export", `user:${actor.id}`);
  return { filename: `tribune-export-${scope.slug}-${day}.json`, chunks: exportChunks(scope, now) };
}
