import { getTranslations } from "next-intl/server";
import { BlogList } from "@/components/blogs/blog-list";
import { PostList } from "@/components/posts/post-list";
import { listBlogs } from "@/lib/blogs";
import { listLatestPosts } from "@/lib/posts";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const [t, blogs, posts] = await Promise.all([getTranslations("home"), listBlogs(), listLatestPosts(10)]);
  return (
    <>
      <h1 className="visually-hidden">{t("title")}</h1>
      <section aria-labelledby="blogs-heading">
        <h2 id="blogs-heading">{t("blogs")}</h2>
        {blogs.length ? <BlogList blogs={blogs} /> : <p>{t("empty")}</p>}
      </section>
      <section aria-labelledby="latest-heading">
        <h2 id="latest-heading">{t("latest")}</h2>
        <PostList posts={posts} showBlog />
      </section>
    </>
  );
}
