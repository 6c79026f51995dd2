"use client";

import { Fragment, useState, useTransition, type MouseEvent, type ReactNode } from "react";
import styles from "./discussion.module.css";

type Props = {
  /** The page the button loads first (the one after the page shown). */
  next: number;
  pageCount: number;
  /** The plain address of page `n` is this followed by `n` (what the link does without JavaScript). */
  hrefPrefix: string;
  /** Renders page `n` of the discussion on the server (a bound server action). */
  load: (page: number) => Promise<ReactNode>;
  labels: { loadMore: string; loading: string; failed: string };
};

/**
 * LoadMore: "Show more comments" under a long discussion. Without JavaScript it is a link to
 * the next page; with it, the next page's threads are appended below without a reload.
 */
export function LoadMore({ next, pageCount, hrefPrefix, load, labels }: Props) {
  const [pages, setPages] = useState<ReactNode[]>([]);
  const [nextPage, setNextPage] = useState(next);
  const [failed, setFailed] = useState(false);
  const [pending, startTransition] = useTransition();

  function more(event: MouseEvent<HTMLAnchorElement>) {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.button !== 0) return;
    event.preventDefault();
    if (pending) return;
    setFailed(false);
    startTransition(async () => {
      try {
        const page = await load(nextPage);
        setPages((shown) => [...shown, page]);
        setNextPage(nextPage + 1);
      } catch {
        setFailed(true);
      }
    });
  }

  return (
    <>
      {pages.map((page, index) => (
        <Fragment key={index}>{page}</Fragment>
      ))}
      {nextPage <= pageCount ? (
        <p className={styles.loadMore}>
          <a
            className="button"
            href={`${hrefPrefix}${nextPage}#discussion`}
            onClick={more}
            aria-busy={pending || undefined}
          >
            {pending ? labels.loading : labels.loadMore}
          </a>
          {failed ? <span role="alert">{labels.failed}</span> : null}
        </p>
      ) : null}
    </>
  );
}
