import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PostList } from "@/components/posts/post-list";
import { getBlogBySlug } from "@/lib/blogs";
import { listBlogPosts } from "@/lib/posts";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ blog: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const blog = await getBlogBySlug((await params).blog);
  return blog ? { title: blog.name, description: blog.tagline ?? undefined } : {};
}

export default async function BlogPage({ params }: Props) {
  const blog = await getBlogBySlug((await params).blog);
  if (!blog) notFound();
  const [t, posts] = await Promise.all([getTranslations("blog"), listBlogPosts(blog.id)]);
  return (
    <div lang={blog.language}>
      <header className="blog-header">
        <h1>{blog.name}</h1>
        {blog.tagline ? <p className="lede">{blog.tagline}</p> : null}
      </header>
      <section aria-labelledby="articles-heading">
        <h2 id="articles-heading">{t("articles")}</h2>
        {posts.length ? <PostList posts={posts} /> : <p>{t("empty")}</p>}
      </section>
    </div>
  );
}
