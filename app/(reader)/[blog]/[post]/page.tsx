import { WEBMENTION_ENDPOINT } from "@/lib/links/webmention";
import type { Metadata } from "next";
import { headers } from "next/headers";
import { notFound, permanentRedirect } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { cache } from "react";
import { PostHeader } from "@/components/posts/post-header";
import styles from "@/components/posts/post.module.css";
import { CitedBy } from "@/components/posts/cited-by";
import { WebReactions } from "@/components/posts/web-reactions";
import { GoneNotice } from "@/components/posts/gone-notice";
import { TableOfContents } from "@/components/posts/table-of-contents";
import { accentStyle } from "@/components/blogs/blog-list";
import { Discussion, type DiscussionThread } from "@/components/comments/discussion";
import { JsonLd } from "@/components/seo/json-ld";
import { PersonalHeader } from "@/components/personal/personal-header";
import { getAudience } from "@/lib/auth/audience";
import { resolveBlogSlug } from "@/lib/blogs";
import {
  getComment,
  getThreadShell,
  listEditHistory,
  listThread,
  ThreadPageSchema,
  ThreadSortSchema,
  type Actor,
} from "@/lib/comments";
import type { Locale } from "@/lib/i18n";
import { threadFragmentUrl } from "@/lib/page-cache/policy";
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
  // The member shell (lib/auth/audience) is the page any signed-in reader gets; their own layer comes with it.
  const audience = await getAudience();
  const viewer = audience.kind === "viewer" ? audience.viewer : null;
  const open = { reply: param(query.reply), edit: param(query.edit) };
  // A form posted without JavaScript (a comment, a follow) is answered with this page as Next
  // renders it for the POST, which the server never splices: its thread is rendered in it.
  const requestHeaders = await headers();
  const posted =
    !requestHeaders.has("next-action") &&
    /^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(requestHeaders.get("content-type") ?? "");
  const [t, locale, { thread, count }] = await Promise.all([
    getTranslations("post"),
    getLocale(),
    discussionOf(article.id, audience.kind === "member-shell" ? "any-member" : viewer, { sort, page }, open, posted),
  ]);
  return (
    // The whole page is the article's h-entry (microformats), so that its comments (p-comment
    // h-entry, in the discussion below the text) are read as the article's comments.
    <div lang={blog.language} style={accentStyle(blog.accentColor)} data-accent className="h-entry">
      <JsonLd data={blogPostingJsonLd({ ...article, commentCount: count }, blog)} />
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
            {t("discussion")} <span className={styles.sectionCount}>({t("comments", { count })})</span>
          </h2>
          <Discussion
            postId={article.id}
            basePath={basePath}
            thread={
              thread.kind === "shared"
                ? { ...thread, src: threadFragmentUrl(basePath, { page, sort, locale: locale as Locale }) }
                : thread
            }
            signedIn={audience.kind !== "visitor"}
            sort={sort}
            open={open}
          />
        </section>
      </div>
      {audience.kind === "member-shell" ? <PersonalHeader /> : null}
    </div>
  );
}

type Open = { reply?: string; edit?: string };

/**
 * discussionOf: the thread as this viewer gets it (components/comments/discussion): the shared
 * one with their few ids, or for the blog's moderators the page rendered for them with its tools
 * (and for anyone in the page answering a form they posted without JavaScript: `posted`).
 */
async function discussionOf(
  postId: string,
  viewer: Actor | "any-member",
  options: { sort: ReturnType<typeof ThreadSortSchema.parse>; page: number },
  open: Open,
  posted = false,
): Promise<{
  thread: Omit<DiscussionThread & { kind: "shared" }, "src"> | (DiscussionThread & { kind: "full" });
  count: number;
}> {
  const shell = await getThreadShell(postId, viewer);
  if (viewer !== "any-member" && (!shell.shared || posted)) {
    const [result, history] = await Promise.all([listThread(postId, viewer, options), listEditHistory(viewer, postId)]);
    return { thread: { kind: "full", result, history }, count: result.count };
  }
  if (!shell.shared) throw new Error("the member shell is always shared");
  if (viewer === "any-member") {
    // Their follow and their marks on the thread come with the reader's personal layer.
    const thread = { kind: "shared" as const, viewer: shell.viewer, personal: null, target: null };
    return { thread: { ...thread, renderedAt: Date.now() }, count: shell.count };
  }
  const targetId = open.edit ?? open.reply;
  const target = targetId ? await getComment(targetId, viewer).catch(() => null) : null;
  const usable = target && target.postId === postId && (open.edit ? target.isOwn : target.status === "approved");
  return {
    thread: {
      kind: "shared",
      viewer: shell.viewer,
      personal: shell.personal,
      target: usable ? target : null,
      renderedAt: Date.now(),
    },
    count: shell.count,
  };
}
