import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { WriterPostList } from "@/components/editor/writer-post-list";
import { requireViewer } from "@/lib/auth";
import { getBlogBySlug } from "@/lib/blogs";
import { isAppError } from "@/lib/errors";
import { listBlogPostsForWriter } from "@/lib/posts";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ blog: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("editor"))("listTitle") };
}

export default async function WriterPostsPage({ params }: Props) {
  const { blog: slug } = await params;
  const viewer = await requireViewer(`/write/${slug}/posts`);
  const blog = await getBlogBySlug(slug);
  if (!blog) notFound();
  const list = await listBlogPostsForWriter(viewer, blog.id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const t = await getTranslations("editor");
  return (
    <div className="stack-lg">
      <header className="stack">
        <p className="meta">{blog.name}</p>
        <h1>{t("listTitle")}</h1>
        {/* A link, not a form: opening the editor stores nothing (no empty drafts). */}
        <p>
          <Link href={`/write/${blog.slug}/posts/new`} className="button">
            {t("newArticle")}
          </Link>
        </p>
      </header>
      <WriterPostList blogSlug={blog.slug} kind="drafts" heading={t("drafts")} posts={list.drafts} />
      <WriterPostList blogSlug={blog.slug} kind="scheduled" heading={t("scheduled")} posts={list.scheduled} />
      <WriterPostList blogSlug={blog.slug} kind="published" heading={t("published")} posts={list.published} />
      <WriterPostList blogSlug={blog.slug} kind="deleted" heading={t("deletedGroup")} posts={list.deleted} />
    </div>
  );
}
