import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import styles from "@/components/posts/post.module.css";
import { accentStyle } from "@/components/blogs/blog-list";
import { CommentThread } from "@/components/comments/comment-thread";
import { discussionLabels } from "@/components/comments/labels";
import { DiscussionLabelsProvider } from "@/components/comments/labels-context";
import { getViewer } from "@/lib/auth";
import { resolveBlogSlug } from "@/lib/blogs";
import { commentPathIn, getCommentContext, listThread } from "@/lib/comments";
import { isAppError } from "@/lib/errors";
import { getPublicPost } from "@/lib/posts";

export const dynamic = "force-dynamic";
type Props = { params: Promise<{ blog: string; post: string; id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { robots: { index: false } };
}

/** A comment's own page: the branch from it down, for threads deeper than the article shows. */
export default async function CommentPage({ params }: Props) {
  const { blog: blogSlug, post: postSlug, id } = await params;
  const resolved = await resolveBlogSlug(blogSlug);
  const blog = resolved?.blog;
  const article = blog ? await getPublicPost(blog.id, postSlug) : null;
  if (!blog || !article) notFound();
  const viewer = await getViewer();
  const context = await getCommentContext(id, viewer).catch((error: unknown) => {
    if (isAppError(error)) return null;
    throw error;
  });
  if (!context || context.postId !== article.id) notFound();
  const [t, thread, labels] = await Promise.all([
    getTranslations("comment"),
    listThread(article.id, viewer),
    discussionLabels(),
  ]);
  const access = thread.viewer;
  const basePath = `/${blog.slug}/${article.slug}`;
  // The branch starts again at depth 1 here, so it gets a full set of levels.
  type Branch = typeof context.comment;
  const redepth = (node: Branch, depth: number): Branch => ({
    ...node,
    depth,
    replies: node.replies.map((reply) => redepth(reply, depth + 1)),
  });
  const root = redepth(context.comment, 1);
  return (
    <div lang={blog.language} style={accentStyle(blog.accentColor)} data-accent className={styles.article}>
      <p className="meta">
        <Link href={commentPathIn(basePath, context.ancestors[0]?.id ?? id)}>← {article.title}</Link>
      </p>
      <h1 className={styles.title}>{t("branchTitle")}</h1>
      <DiscussionLabelsProvider labels={labels}>
        <CommentThread
          comments={[root]}
          postId={article.id}
          basePath={basePath}
          permissions={{
            signedIn: Boolean(viewer),
            canComment: access.canComment,
            asGuest: access.canComment ? access.asGuest : false,
            held: access.canComment ? access.held : false,
            canModerate: access.canModerate,
          }}
        />
      </DiscussionLabelsProvider>
    </div>
  );
}
