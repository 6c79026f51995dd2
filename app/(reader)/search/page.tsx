import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { listBlogs } from "@/lib/blogs";
import {
  SearchInputSchema,
  SearchPageSchema,
  searchComments,
  searchPosts,
  type CommentSearchResults,
  type SearchKind,
  type SearchResults,
} from "@/lib/search";
import { ArticleResults, CommentResults } from "@/components/search/search-results";
import { SearchForm } from "@/components/search/search-form";
import styles from "./search.module.css";

export const dynamic = "force-dynamic";

/** Results per page when looking in articles or in comments. */
const PAGE_SIZE = 20;
/** Results of each kind shown when looking in everything (each links to all of its kind). */
const ALL_SIZE = 5;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("search"))("title"), robots: { index: false } };
}

export default async function SearchPage({ searchParams }: Props) {
  const params = SearchPageSchema.parse(await searchParams);
  const { q, type: kind } = params;
  const blogs = await listBlogs();
  const blog = blogs.find((b) => b.slug === params.blog);
  const offset = kind === "all" ? 0 : params.offset;
  const limit = kind === "all" ? ALL_SIZE : PAGE_SIZE;
  const input = { q, blogSlug: blog?.slug, limit, offset };
  const valid = SearchInputSchema.safeParse(input);
  const [t, tv] = await Promise.all([getTranslations("search"), getTranslations("validation")]);
  const searching = Boolean(q) && valid.success;
  const [articles, comments] = await Promise.all([
    searching && kind !== "comments" ? searchPosts(input) : null,
    searching && kind !== "articles" ? searchComments(input) : null,
  ]);
  const href = (to: SearchKind, at = 0) =>
    `/search?${new URLSearchParams({ q, type: to, ...(blog ? { blog: blog.slug } : {}), ...(at ? { offset: String(at) } : {}) })}`;
  const invalid = Boolean(q) && !valid.success;

  return (
    <div>
      <h1>{t("title")}</h1>
      <SearchForm
        q={q}
        blogSlug={blog?.slug}
        kind={kind}
        blogs={blogs}
        errorId={invalid ? "search-error" : undefined}
      />
      {invalid ? (
        <p id="search-error" className={styles.error} role="alert">
          {tv("searchQuery")}
        </p>
      ) : null}
      {!searching ? (
        q ? null : (
          <p>{t("prompt")}</p>
        )
      ) : kind === "all" ? (
        <AllResults q={q} articles={articles!} comments={comments!} href={href} />
      ) : (
        <KindResults
          q={q}
          kind={kind}
          found={(kind === "articles" ? articles : comments)!}
          offset={offset}
          href={href}
        />
      )}
    </div>
  );
}

type Found = SearchResults | CommentSearchResults;
type Href = (to: SearchKind, at?: number) => string;

/** One kind of result, a page at a time. */
async function KindResults({
  q,
  kind,
  found,
  offset,
  href,
}: {
  q: string;
  kind: "articles" | "comments";
  found: Found;
  offset: number;
  href: Href;
}) {
  const t = await getTranslations("search");
  if (!found.results.length) return <p>{t(kind === "articles" ? "empty" : "emptyComments", { q })}</p>;
  return (
    <section aria-labelledby="search-count">
      <p id="search-count" className="meta" aria-live="polite">
        {count(t, kind, found)}
      </p>
      {kind === "articles" ? (
        <ArticleResults results={(found as SearchResults).results} />
      ) : (
        <CommentResults results={(found as CommentSearchResults).results} />
      )}
      <nav className={styles.pager}>
        {offset > 0 ? <Link href={href(kind, Math.max(0, offset - PAGE_SIZE))}>{t("previous")}</Link> : <span />}
        {offset + PAGE_SIZE < found.total ? <Link href={href(kind, offset + PAGE_SIZE)}>{t("next")}</Link> : null}
      </nav>
    </section>
  );
}

/** Everything: the best few articles, then the best few comments, each linking to all of its kind. */
async function AllResults({
  q,
  articles,
  comments,
  href,
}: {
  q: string;
  articles: SearchResults;
  comments: CommentSearchResults;
  href: Href;
}) {
  const t = await getTranslations("search");
  if (!articles.results.length && !comments.results.length) return <p>{t("emptyAll", { q })}</p>;
  const sections = [
    { kind: "articles" as const, found: articles },
    { kind: "comments" as const, found: comments },
  ].filter((s) => s.found.results.length);
  return (
    <>
      {sections.map(({ kind, found }) => (
        <section key={kind} className={styles.section} aria-labelledby={`search-${kind}`}>
          <h2 id={`search-${kind}`} className={styles.sectionTitle}>
            {t(`kinds.${kind}`)} <span className="meta">({count(t, kind, found)})</span>
          </h2>
          {kind === "articles" ? (
            <ArticleResults results={articles.results} heading="h3" />
          ) : (
            <CommentResults results={comments.results} heading="h3" />
          )}
          {found.total > found.results.length ? (
            <p className={styles.more}>
              <Link href={href(kind)}>{t(kind === "articles" ? "allArticles" : "allComments")}</Link>
            </p>
          ) : null}
        </section>
      ))}
    </>
  );
}

function count(t: Awaited<ReturnType<typeof getTranslations<"search">>>, kind: "articles" | "comments", found: Found) {
  if (kind === "articles")
    return found.capped ? t("resultsCapped", { count: found.total }) : t("results", { count: found.total });
  return found.capped ? t("commentResultsCapped", { count: found.total }) : t("commentResults", { count: found.total });
}
