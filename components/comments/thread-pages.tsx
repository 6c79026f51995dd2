import { getTranslations } from "next-intl/server";
import type { ThreadPage } from "@/lib/comments";
import styles from "./discussion.module.css";
import { shownPages } from "./thread-view";

type Props = {
  page: ThreadPage;
  /** The address of page `n` of the discussion (with the current sort). */
  hrefOf: (n: number) => string;
};

/**
 * ThreadPages: plain links between the pages of a long discussion (no JavaScript needed);
 * nothing when it fits on one page.
 */
export async function ThreadPages({ page, hrefOf }: Props) {
  if (page.count <= 1) return null;
  const t = await getTranslations("discussion");
  return (
    <nav className={styles.pages} aria-label={t("pagesLabel")}>
      <p className="meta">{t("pageStatus", { page: page.number, count: page.count })}</p>
      <ul>
        {page.number > 1 ? (
          <li>
            <a href={hrefOf(page.number - 1)} rel="prev">
              {t("previousPage")}
            </a>
          </li>
        ) : null}
        {shownPages(page.number, page.count).map((n, i) =>
          n === "gap" ? (
            <li key={`gap-${i}`} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={n}>
              <a
                href={hrefOf(n)}
                aria-current={n === page.number ? "page" : undefined}
                aria-label={t("pageLink", { page: n })}
              >
                {n}
              </a>
            </li>
          ),
        )}
        {page.number < page.count ? (
          <li>
            <a href={hrefOf(page.number + 1)} rel="next">
              {t("nextPage")}
            </a>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
