import { randomBytes } from "node:crypto";
import { db } from "@/lib/db";
import { renderMarkdown } from "@/lib/markdown";
import { foldKey } from "@/lib/users/schemas";

const unique = () => randomBytes(4).toString("hex");

/** createUser: a persisted member with a unique handle and email. */
export async function createUser(options: { name?: string; handle?: string; role?: "admin" | "member" } = {}) {
  const handle = options.handle ?? `user_${unique()}`;
  const name = options.name ?? `Test ${handle}`;
  return db.user.create({
    data: {
      handle,
      handleKey: handle.toLowerCase(),
      name,
      nameKey: foldKey(name),
      email: `${handle.toLowerCase()}@example.test`,
      role: options.role ?? "member",
    },
  });
}

/** createBlog: a persisted blog, owned by `owner` when given. */
export async function createBlog(
  options: { slug?: string; name?: string; language?: "fr" | "en"; ownerId?: string } = {},
) {
  const slug = options.slug ?? `blog-${unique()}`;
  return db.blog.create({
    data: {
      slug,
      name: options.name ?? `Blog ${slug}`,
      language: options.language ?? "en",
      memberships: options.ownerId ? { create: { userId: options.ownerId, role: "owner" } } : undefined,
    },
  });
}

/** createPost: a persisted published article (status and date overridable). */
export async function createPost(options: {
  blogId: string;
  authorId: string;
  slug?: string;
  title?: string;
  body?: string;
  status?: "draft" | "scheduled" | "published";
  publishedAt?: Date | null;
}) {
  const body = options.body ?? "Some *markdown* text.";
  const status = options.status ?? "published";
  return db.post.create({
    data: {
      blogId: options.blogId,
      authorId: options.authorId,
      slug: options.slug ?? `post-${unique()}`,
      title: options.title ?? "A test article",
      bodySource: body,
      bodyHtml: renderMarkdown(body).html,
      status,
      publishedAt:
        options.publishedAt === undefined
          ? status === "published"
            ? new Date(Date.now() - 60_000)
            : null
          : options.publishedAt,
    },
  });
}

/** createComment: a persisted approved comment (or any status). */
export async function createComment(options: {
  postId: string;
  authorId?: string | null;
  parentId?: string | null;
  body?: string;
  status?: string;
  createdAt?: Date;
}) {
  const body = options.body ?? "A comment.";
  return db.comment.create({
    data: {
      postId: options.postId,
      authorId: options.authorId ?? null,
      guestName: options.authorId ? null : "Guest",
      parentId: options.parentId ?? null,
      bodySource: body,
      bodyHtml: renderMarkdown(body, "comment").html,
      status: options.status ?? "approved",
      createdAt: options.createdAt,
    },
  });
}
