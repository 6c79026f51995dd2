import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { BlogList } from "@/components/blogs/blog-list";
import { ActiveDiscussions } from "@/components/home/active-discussions";
import styles from "@/components/home/home.module.css";
import { PostList } from "@/components/posts/post-list";
import { listBlogs } from "@/lib/blogs";
import { listActiveDiscussions } from "@/lib/home";
import { listLatestPosts } from "@/lib/posts";
import { homeMetadata } from "@/lib/seo";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  const [t, locale] = await Promise.all([getTranslations("site"), getLocale()]);
  return homeMetadata({ name: t("name"), description: t("tagline"), language: locale });
}

export default async function HomePage() {
  const [t, site, blogs, posts, discussions] = await Promise.all([
    getTranslations("home"),
    getTranslations("site"),
    listBlogs(),
    listLatestPosts(10),
    listActiveDiscussions(5),
  ]);
  return (
    // What is being discussed comes right after the introduction (on a phone, near the top);
    // on a wide screen it sits beside the latest articles (home.module.css places the areas).
    <div className={styles.home}>
      <header className={styles.intro}>
        <h1>{site("name")}</h1>
        <p className={styles.lede}>{site("tagline")}</p>
      </header>
      <section aria-labelledby="discussed-heading" className={`${styles.section} ${styles.discussed}`}>
        <h2 id="discussed-heading">{t("discussed")}</h2>
        <ActiveDiscussions discussions={discussions} />
      </section>
      <section aria-labelledby="blogs-heading" className={`${styles.section} ${styles.blogs}`}>
        <h2 id="blogs-heading">{t("blogs")}</h2>
        {blogs.length ? <BlogList blogs={blogs} /> : <p className={styles.empty}>{t("empty")}</p>}
      </section>
      <section aria-labelledby="latest-heading" className={`${styles.section} ${styles.latest}`}>
        <h2 id="latest-heading">{t("latest")}</h2>
        <PostList posts={posts} showBlog />
      </section>
    </div>
  );
}
