import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BlogHeader } from "@/components/blogs/blog-header";
import styles from "@/components/blogs/blog-header.module.css";
import { accentStyle } from "@/components/blogs/blog-list";
import { PostList } from "@/components/posts/post-list";
import { Pager } from "@/components/ui/pager";
import { getBlogBySlug, resolveBlogSlug } from "@/lib/blogs";
import { listPublicPosts } from "@/lib/posts";
import { blogMetadata } from "@/lib/seo";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ blog: string }>; searchParams: Promise<{ page?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const blog = await getBlogBySlug((await params).blog);
  return blog ? blogMetadata(blog) : {};
}

export default async function BlogPage({ params, searchParams }: Props) {
  const [{ blog: slug }, { page }] = await Promise.all([params, searchParams]);
  const resolved = await resolveBlogSlug(slug);
  if (!resolved) notFound();
  if (!resolved.blog) permanentRedirect(`/${resolved.redirectTo}`);
  const { blog } = resolved;
  const [t, list] = await Promise.all([
    getTranslations("blog"),
    listPublicPosts({ blogId: blog.id }, Number(page) || 1),
  ]);
  if (list.page > list.pages) notFound();
  return (
    <div lang={blog.language} style={accentStyle(blog.accentColor)} data-accent className={styles.layout}>
      <BlogHeader blog={blog} />
      <section aria-labelledby="articles-heading">
        <h2 id="articles-heading" className="visually-hidden">
          {t("articles")}
        </h2>
        {list.items.length ? <PostList posts={list.items} /> : <p>{t("empty")}</p>}
        <Pager page={list.page} pages={list.pages} basePath={`/${blog.slug}`} />
      </section>
    </div>
  );
}
