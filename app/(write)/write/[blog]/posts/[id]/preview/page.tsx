import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PostHeader } from "@/components/posts/post-header";
import styles from "@/components/posts/post.module.css";
import { TableOfContents } from "@/components/posts/table-of-contents";
import { accentStyle } from "@/components/blogs/blog-list";
import { requireViewer } from "@/lib/auth";
import { getBlogBySlug } from "@/lib/blogs";
import { isAppError } from "@/lib/errors";
import { getPostPreview } from "@/lib/posts";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ blog: string; id: string }> };

export async function generateMetadata(): Promise<Metadata> {
  // A private page: never indexed, whoever gets the address.
  return { title: (await getTranslations("editor"))("previewAsReader"), robots: { index: false, follow: false } };
}

/** The private preview of a post (any status) as its readers will see it: its writers only, 404 for anyone else. */
export default async function PostPreviewPage({ params }: Props) {
  const { blog: blogSlug, id } = await params;
  const path = `/write/${blogSlug}/posts/${id}`;
  const viewer = await requireViewer(`${path}/preview`);
  const [blog, article] = await Promise.all([
    getBlogBySlug(blogSlug),
    getPostPreview(viewer, id).catch((error: unknown) => {
      if (isAppError(error) && error.code === "NOT_FOUND") notFound();
      throw error;
    }),
  ]);
  if (!blog || article.blogId !== blog.id) notFound();
  const t = await getTranslations("editor");
  return (
    <div lang={blog.language} style={accentStyle(blog.accentColor)} data-accent>
      <p className="notice" role="note" data-testid="preview-banner">
        {t("previewBanner")} <Link href={path}>{t("previewBack")}</Link>
      </p>
      <article className={styles.article}>
        <PostHeader blog={blog} article={article} />
        <TableOfContents entries={article.toc} />
        <div className={`${styles.body} prose`} dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
      </article>
    </div>
  );
}
