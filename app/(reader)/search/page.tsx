import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { listBlogs } from "@/lib/blogs";
import { MAX_QUERY_LENGTH, SearchInputSchema, searchPosts, type SearchResults } from "@/lib/search";
import styles from "./search.module.css";

export const dynamic = "force-dynamic";

const PAGE_SIZE = 20;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value) ?? "";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("search"))("title"), robots: { index: false } };
}

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const q = first(params.q);
  const blogs = await listBlogs();
  const blog = blogs.find((b) => b.slug === first(params.blog));
  const offset = Math.min(Math.max(Number.parseInt(first(params.offset), 10) || 0, 0), 10_000);
  const input = { q, blogSlug: blog?.slug, limit: PAGE_SIZE, offset };
  const valid = SearchInputSchema.safeParse(input);
  const [t, tv, format] = await Promise.all([getTranslations("search"), getTranslations("validation"), getFormatter()]);
  const found: SearchResults | null = q && valid.success ? await searchPosts(input) : null;
  const pageHref = (to: number) =>
    `/search?${new URLSearchParams({ q, ...(blog ? { blog: blog.slug } : {}), ...(to ? { offset: String(to) } : {}) })}`;

  return (
    <div>
      <h1>{t("title")}</h1>
      <form className={styles.form} method="get" action="/search" role="search">
        <div className={`field ${styles.field}`}>
          <label htmlFor="search-q">{t("label")}</label>
          <input
            id="search-q"
            name="q"
            type="search"
            defaultValue={q}
            maxLength={MAX_QUERY_LENGTH}
            placeholder={t("placeholder")}
            aria-describedby={q && !valid.success ? "search-error" : undefined}
          />
        </div>
        <div className={`field ${styles.field}`}>
          <label htmlFor="search-blog">{t("blog")}</label>
          <select id="search-blog" name="blog" defaultValue={blog?.slug ?? ""}>
            <option value="">{t("allBlogs")}</option>
            {blogs.map((b) => (
              <option key={b.slug} value={b.slug}>
                {b.name}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="button">
          {t("submit")}
        </button>
      </form>
      {q && !valid.success ? (
        <p id="search-error" className={styles.error} role="alert">
          {tv("searchQuery")}
        </p>
      ) : null}
      {!found ? (
        q ? null : (
          <p>{t("prompt")}</p>
        )
      ) : found.results.length === 0 ? (
        <p>{t("empty", { q })}</p>
      ) : (
        <section aria-labelledby="search-count">
          <p id="search-count" className="meta" aria-live="polite">
            {found.capped ? t("resultsCapped", { count: found.total }) : t("results", { count: found.total })}
          </p>
          <ol className={styles.list}>
            {found.results.map((result) => (
              <li key={result.id} className={styles.item}>
                <h2 className={styles.title}>
                  <Link href={`/${result.blog.slug}/${result.slug}`}>{result.title}</Link>
                </h2>
                <p className="meta">
                  <Link href={`/${result.blog.slug}`}>{result.blog.name}</Link>
                  {" · "}
                  <time dateTime={result.publishedAt.toISOString()}>
                    {format.dateTime(result.publishedAt, { dateStyle: "long" })}
                  </time>
                </p>
                {/* snippetHtml is escaped by lib/search: its only tags are the <mark>s it adds. */}
                <p className={styles.snippet} dangerouslySetInnerHTML={{ __html: result.snippetHtml }} />
              </li>
            ))}
          </ol>
          <nav className={styles.pager}>
            {offset > 0 ? <Link href={pageHref(Math.max(0, offset - PAGE_SIZE))}>{t("previous")}</Link> : <span />}
            {offset + PAGE_SIZE < found.total ? <Link href={pageHref(offset + PAGE_SIZE)}>{t("next")}</Link> : null}
          </nav>
        </section>
      )}
    </div>
  );
}
