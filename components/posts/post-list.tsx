import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { PostListItem } from "@/lib/posts";

export async function PostList({ posts, showBlog = false }: { posts: PostListItem[]; showBlog?: boolean }) {
  const [t, format] = await Promise.all([getTranslations("post"), getFormatter()]);
  return (
    <ol className="post-list">
      {posts.map((post) => (
        <li key={post.id}>
          <article>
            <h3>
              <Link href={`/${post.blog.slug}/${post.slug}`}>{post.title}</Link>
            </h3>
            <p className="meta">
              {showBlog ? (
                <>
                  <Link href={`/${post.blog.slug}`}>{post.blog.name}</Link>
                  {" · "}
                </>
              ) : null}
              {t("by", { name: post.author.name })}
              {post.publishedAt ? (
                <>
                  {" · "}
                  <time dateTime={post.publishedAt.toISOString()}>
                    {format.dateTime(post.publishedAt, { dateStyle: "long" })}
                  </time>
                </>
              ) : null}
              {" · "}
              {t("comments", { count: post.commentCount })}
            </p>
            {post.excerpt ? <p>{post.excerpt}</p> : null}
          </article>
        </li>
      ))}
    </ol>
  );
}
