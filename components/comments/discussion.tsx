import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { followAction } from "@/app/(reader)/[blog]/[post]/actions";
import { loadThreadPageAction } from "@/app/(reader)/[blog]/[post]/thread-actions";
import type { CommentEdit, ThreadResult } from "@/lib/comments";
import { loginPath } from "@/lib/security";
import { Announcer } from "./act-form";
import { CommentForm } from "./comment-form";
import { CommentThread } from "./comment-thread";
import { HashRedirect } from "./hash-redirect";
import { LiveUpdates } from "./live-updates";
import { LoadMore } from "./load-more";
import { OwnHeld } from "./own-held";
import { SanctionNotice } from "./sanction-notice";
import styles from "./discussion.module.css";
import { discussionLabels } from "./labels";
import { DiscussionLabelsProvider } from "./labels-context";
import { ThreadPages } from "./thread-pages";
import { ThreadTools } from "./thread-tools";
import { pageHref, pageQuery, threadPermissions } from "./thread-view";

const SORTS = ["oldest", "newest", "liked"] as const;
type Sort = (typeof SORTS)[number];

type Props = {
  postId: string;
  basePath: string;
  thread: ThreadResult;
  signedIn: boolean;
  sort: Sort;
  open: { reply?: string; edit?: string };
  history?: Map<string, CommentEdit[]>;
};

/**
 * Discussion: sorting, following, the comment form (or why one cannot comment), one page of the
 * thread with links to the others and "Show more comments", live news.
 */
export async function Discussion({ postId, basePath, thread, signedIn, sort, open, history }: Props) {
  const [t, m, format, labels] = await Promise.all([
    getTranslations("discussion"),
    getTranslations("moderationThread"),
    getFormatter(),
    discussionLabels(),
  ]);
  const access = thread.viewer;
  const permissions = threadPermissions(access, signedIn);
  const page = thread.page;
  const hrefPrefix = `${basePath}?${pageQuery(sort, 1)}page=`;
  return (
    <DiscussionLabelsProvider labels={labels}>
      <div className={styles.toolbar}>
        <ul className={styles.sorts} aria-label={t("sortLabel")}>
          {SORTS.map((option) => (
            <li key={option}>
              <Link
                href={option === "oldest" ? `${basePath}#discussion` : `${basePath}?sort=${option}#discussion`}
                aria-current={option === sort ? "true" : undefined}
                scroll={false}
              >
                {t("sort", { sort: option })}
              </Link>
            </li>
          ))}
        </ul>
        {signedIn ? (
          <form action={followAction}>
            <input type="hidden" name="postId" value={postId} />
            <input type="hidden" name="path" value={basePath} />
            <input type="hidden" name="follow" value={access.isFollowing ? "0" : "1"} />
            <button type="submit" className="link-button">
              {access.isFollowing ? t("unfollow") : t("follow")}
            </button>
          </form>
        ) : null}
      </div>
      {access.canModerate ? (
        <ThreadTools postId={postId} path={basePath} locked={access.locked} slowModeSeconds={access.slowModeSeconds} />
      ) : null}
      <Announcer />
      {access.slowModeSeconds && access.canComment ? (
        <p className={styles.notice}>
          {m("slowModeOn", { interval: m("interval", { seconds: String(access.slowModeSeconds) }) })}
          {access.nextCommentAt ? (
            <>
              {" "}
              <strong>
                {m("slowModeWait", { time: format.dateTime(access.nextCommentAt, { timeStyle: "medium" }) })}
              </strong>
            </>
          ) : null}
        </p>
      ) : null}
      {access.canComment ? (
        <CommentForm
          postId={postId}
          path={basePath}
          asGuest={access.asGuest}
          held={access.held}
          label={t("addComment")}
        />
      ) : (
        <p className={styles.refusal}>
          {access.reason === "signIn" ? (
            <Link href={loginPath(`${basePath}#discussion`)}>{t("signInToComment")}</Link>
          ) : access.reason === "membersOnly" ? (
            t("membersOnly")
          ) : access.reason === "sanctioned" ? (
            <SanctionNotice sanction={access.sanction} />
          ) : access.reason === "locked" ? (
            m("locked")
          ) : (
            t("closed")
          )}
        </p>
      )}
      <OwnHeld postId={postId} path={basePath} />
      <CommentThread
        comments={thread.tree}
        postId={postId}
        basePath={basePath}
        permissions={permissions}
        open={open}
        query={pageQuery(sort, page.number)}
        history={history}
      />
      <LoadMore
        key={`${sort}-${page.number}`}
        next={page.number + 1}
        pageCount={page.count}
        hrefPrefix={hrefPrefix}
        load={loadThreadPageAction.bind(null, { postId, basePath, sort })}
        labels={{ loadMore: t("loadMore"), loading: t("loadingMore"), failed: t("loadMoreFailed") }}
      />
      <ThreadPages page={page} hrefOf={(n) => `${pageHref(basePath, sort, n)}#discussion`} />
      <HashRedirect articlePath={basePath} />
      <LiveUpdates postId={postId} />
    </DiscussionLabelsProvider>
  );
}
