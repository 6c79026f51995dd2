import { WEBMENTION_ENDPOINT } from "@/lib/links/webmention";
import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { cache } from "react";
import { PostHeader } from "@/components/posts/post-header";
import styles from "@/components/posts/post.module.css";
import { CitedBy } from "@/components/posts/cited-by";
import { WebReactions } from "@/components/posts/web-reactions";
import { GoneNotice } from "@/components/posts/gone-notice";
import { TableOfContents } from "@/components/posts/table-of-contents";
import { accentStyle } from "@/components/blogs/blog-list";
import { Discussion } from "@/components/comments/discussion";
import { JsonLd } from "@/components/seo/json-ld";
import { getViewer } from "@/lib/auth";
import { resolveBlogSlug } from "@/lib/blogs";
import { listEditHistory, listThread, ThreadPageSchema, ThreadSortSchema } from "@/lib/comments";
import { getPublicPost, isPostRemoved, resolvePostSlug } from "@/lib/posts";
import { articleMetadata, blogPostingJsonLd } from "@/lib/seo";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ blog: string; post: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const load = cache(async (blogSlug: string, postSlug: string) => {
  const resolved = await resolveBlogSlug(blogSlug);
  if (!resolved) return { kind: "missing" as const };
  if (!resolved.blog) return { kind: "moved" as const, to: `/${resolved.redirectTo}/${postSlug}` };
  const blog = resolved.blog;
  const article = await getPublicPost(blog.id, postSlug);
  if (article) return { kind: "found" as const, blog, article };
  // An old address of the article moves permanently; a removed article says so (410 page).
  const post = await resolvePostSlug(blog.id, postSlug);
  if (post && "redirectTo" in post) return { kind: "moved" as const, to: `/${blog.slug}/${post.redirectTo}` };
  return { kind: "missing" as const, blog };
});

const param = (value: string | string[] | undefined) => (typeof value === "string" ? value : undefined);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { blog, post } = await params;
  const found = await load(blog, post);
  return found.kind === "found" ? articleMetadata(found.article, found.blog) : {};
}

export default async function ArticlePage({ params, searchParams }: Props) {
  const [slugs, query] = await Promise.all([params, searchParams]);
  const found = await load(slugs.blog, slugs.post);
  if (found.kind === "moved") permanentRedirect(found.to);
  if (found.kind === "missing") {
    if (found.blog && (await isPostRemoved(found.blog.id, slugs.post))) return <GoneNotice blog={found.blog} />;
    notFound();
  }
  const { blog, article } = found;
  const basePath = `/${blog.slug}/${article.slug}`;
  const sort = ThreadSortSchema.parse(param(query.sort));
  const page = ThreadPageSchema.parse(param(query.page));
  const viewer = await getViewer();
  const [t, thread, history] = await Promise.all([
    getTranslations("post"),
    listThread(article.id, viewer, { sort, page }),
    listEditHistory(viewer, article.id),
  ]);
  return (
    // The whole page is the article's h-entry (microformats), so that its comments (p-comment
    // h-entry, in the discussion below the text) are read as the article's comments.
    <div lang={blog.language} style={accentStyle(blog.accentColor)} data-accent className="h-entry">
      <JsonLd data={blogPostingJsonLd({ ...article, commentCount: thread.count }, blog)} />
      {/* Webmention discovery (React hoists it into <head>); proxy.ts sends the same as a Link header. */}
      <link rel="webmention" href={WEBMENTION_ENDPOINT} />
      <article className={styles.article}>
        <PostHeader blog={blog} article={article} />
        <TableOfContents entries={article.toc} />
        <div className={`${styles.body} prose e-content`} dangerouslySetInnerHTML={{ __html: article.bodyHtml }} />
        <a className="u-url" href={basePath} hidden>
          {article.title}
        </a>
        <WebReactions likes={article.web.likes} reposts={article.web.reposts} />
      </article>
      <div className={styles.article}>
        <CitedBy citations={article.citedBy} web={article.web.mentions} />
        <section className={styles.section} aria-labelledby="discussion-heading" id="discussion">
          <h2 id="discussion-heading">
            {t("discussion")} <span className={styles.sectionCount}>({t("comments", { count: thread.count })})</span>
          </h2>
          <Discussion
            postId={article.id}
            basePath={basePath}
            thread={thread}
            signedIn={Boolean(viewer)}
            sort={sort}
            open={{ reply: param(query.reply), edit: param(query.edit) }}
            history={history}
          />
        </section>
      </div>
    </div>
  );
}
