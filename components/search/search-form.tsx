import { getTranslations } from "next-intl/server";
import { MAX_QUERY_LENGTH, SEARCH_KINDS, type SearchKind } from "@/lib/search";
import styles from "./search-form.module.css";

type Props = {
  q: string;
  blogSlug: string | undefined;
  kind: SearchKind;
  blogs: { slug: string; name: string }[];
  /** The id of the error message describing a refused query, if any. */
  errorId?: string;
};

/** SearchForm: a plain GET form (works without JavaScript): words, blog, and what to look in. */
export async function SearchForm({ q, blogSlug, kind, blogs, errorId }: Props) {
  const t = await getTranslations("search");
  return (
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
          aria-describedby={errorId}
        />
      </div>
      <div className={`field ${styles.narrow}`}>
        <label htmlFor="search-type">{t("kind")}</label>
        <select id="search-type" name="type" defaultValue={kind}>
          {SEARCH_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div className={`field ${styles.narrow}`}>
        <label htmlFor="search-blog">{t("blog")}</label>
        <select id="search-blog" name="blog" defaultValue={blogSlug ?? ""}>
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
  );
}
