import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PostList } from "@/components/posts/post-list";
import { Pager } from "@/components/ui/pager";
import { feedAlternates, urls } from "@/lib/feeds";
import { getTag, listPublicPosts } from "@/lib/posts";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ tag: string }>; searchParams: Promise<{ page?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const slug = (await params).tag;
  const tag = await getTag(slug);
  if (!tag) return {};
  const t = await getTranslations("tag");
  return {
    title: t("title", { tag: tag.name }),
    alternates: { canonical: urls.tag(slug), types: feedAlternates({ tagSlug: slug }, { tag: tag.name }) },
  };
}

/** A tag's page: its public articles across every blog, newest first, ten a page. */
export default async function TagPage({ params, searchParams }: Props) {
  const [{ tag: slug }, { page }] = await Promise.all([params, searchParams]);
  const tag = await getTag(slug);
  if (!tag) notFound();
  const [t, list] = await Promise.all([
    getTranslations("tag"),
    listPublicPosts({ tagSlug: tag.slug }, Number(page) || 1),
  ]);
  if (list.page > list.pages) notFound();
  return (
    <div style={{ maxWidth: "48rem", paddingTop: "var(--space-5)" }}>
      <h1>{t("title", { tag: tag.name })}</h1>
      <p className="meta">{t("count", { count: list.total })}</p>
      <PostList posts={list.items} showBlog />
      <Pager page={list.page} pages={list.pages} basePath={`/tags/${tag.slug}`} />
    </div>
  );
}
