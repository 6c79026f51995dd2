import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { cache } from "react";
import { CommentThread } from "@/components/comments/comment-thread";
import { getBlogBySlug } from "@/lib/blogs";
import { listPostThread } from "@/lib/comments";
import { getPublishedPost } from "@/lib/posts";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ blog: string; post: string }> };

const load = cache(async (blogSlug: string, postSlug: string) => {
  const blog = await getBlogBySlug(blogSlug);
  const post = blog ? await getPublishedPost(blog.id, postSlug) : null;
  return blog && post ? { blog, post } : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { blog, post } = await params;
  const found = await load(blog, post);
  return found ? { title: found.post.title, description: found.post.excerpt ?? undefined } : {};
}

export default async function PostPage({ params }: Props) {
  const slugs = await params;
  const found = await load(slugs.blog, slugs.post);
  if (!found) notFound();
  const { blog, post } = found;
  const [t, format, thread] = await Promise.all([getTranslations("post"), getFormatter(), listPostThread(post.id)]);
  return (
    <article className="article" lang={blog.language}>
      <header>
        <p className="meta">
          <Link href={`/${blog.slug}`}>{blog.name}</Link>
        </p>
        <h1>{post.title}</h1>
        <p className="meta">
          {t("by", { name: post.author.name })}
          {post.publishedAt ? (
            <>
              {" · "}
              <time dateTime={post.publishedAt.toISOString()}>
                {format.dateTime(post.publishedAt, { dateStyle: "long" })}
              </time>
            </>
          ) : null}
        </p>
        {post.tags.length ? (
          <ul className="tags" aria-label={t("tags")}>
            {post.tags.map((tag) => (
              <li key={tag.slug}>{tag.name}</li>
            ))}
          </ul>
        ) : null}
      </header>
      <div className="prose" dangerouslySetInnerHTML={{ __html: post.bodyHtml }} />
      <section className="discussion" aria-labelledby="discussion-heading">
        <h2 id="discussion-heading">
          {t("discussion")} <span className="meta">({t("comments", { count: thread.count })})</span>
        </h2>
        {thread.tree.length ? <CommentThread comments={thread.tree} /> : <p>{t("noComments")}</p>}
      </section>
    </article>
  );
}
