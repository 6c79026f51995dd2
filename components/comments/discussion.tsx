import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { followAction } from "@/app/(reader)/[blog]/[post]/actions";
import { loadThreadPageAction } from "@/app/(reader)/[blog]/[post]/thread-actions";
import type { CommentEdit, ThreadItem, ThreadResult, ThreadViewer } from "@/lib/comments";
import type { ThreadPersonal } from "@/lib/comments/thread-shell";
import { loginPath } from "@/lib/security";
import { Announcer } from "./act-form";
import { CommentForm } from "./comment-form";
import { CommentThread } from "./comment-thread";
import { FollowForm } from "./follow-form";
import { HashRedirect } from "./hash-redirect";
import { LazyLoadMore as LoadMore, LazyOwnHeld as OwnHeld } from "./lazy";
import { LiveUpdates } from "./live-updates";
import { SanctionNotice } from "./sanction-notice";
import styles from "./discussion.module.css";
import { discussionLabels } from "./labels";
import { DiscussionLabelsProvider } from "./labels-context";
import { ThreadIsland } from "./thread-island";
import { ThreadPages } from "./thread-pages";
import { ThreadTools } from "./thread-tools";
import { pageHref, pageQuery, threadPermissions } from "./thread-view";

const SORTS = ["oldest", "newest", "liked"] as const;
type Sort = (typeof SORTS)[number];

/**
 * The thread as the viewer gets it: the shared one (every reader who does not moderate the blog:
 * components/comments/thread-html, put in by the server, marked by ThreadIsland) with the
 * viewer's few ids, or, for the blog's moderators, rendered for them with its tools.
 */
export type DiscussionThread =
  | {
      kind: "shared";
      viewer: ThreadViewer;
      /** The viewer's ids; null on the member shell, where they come with the page's personal layer (lib/personal). */
      personal: ThreadPersonal | null;
      /** The fragment's address (threadFragmentUrl). */
      src: string;
      /** The comment a no-JavaScript ?reply= or ?edit= opened a form for (null: none, or not found). */
      target: ThreadItem | null;
      /** When the server rendered the page: a refresh changes it, and the island fetches the thread again. */
      renderedAt: number;
    }
  | { kind: "full"; result: ThreadResult; history?: Map<string, CommentEdit[]> };

type Props = {
  postId: string;
  basePath: string;
  thread: DiscussionThread;
  signedIn: boolean;
  sort: Sort;
  open: { reply?: string; edit?: string };
};

/**
 * Discussion: sorting, following, the comment form (or why one cannot comment), one page of the
 * thread with links to the others and "Show more comments", live news.
 */
export async function Discussion({ postId, basePath, thread, signedIn, sort, open }: Props) {
  const [t, m, format, labels] = await Promise.all([
    getTranslations("discussion"),
    getTranslations("moderationThread"),
    getFormatter(),
    discussionLabels(),
  ]);
  const access = thread.kind === "shared" ? thread.viewer : thread.result.viewer;
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
          <FollowForm
            action={followAction}
            postId={postId}
            path={basePath}
            initial={thread.kind === "shared" && !thread.personal ? undefined : access.isFollowing}
            labels={{ follow: t("follow"), unfollow: t("unfollow") }}
          />
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
      {/* A guest's own held comments live on their device (a signed-in reader's come from the server). */}
      {!signedIn && access.canComment && access.asGuest ? <OwnHeld postId={postId} path={basePath} /> : null}
      {thread.kind === "shared" ? (
        <>
          {thread.target && access.canComment ? (
            // Without JavaScript, "Reply" and "Edit" lead here (?reply=, ?edit=): the form opens above the thread.
            <div className={styles.opened}>
              <p className="meta">
                <a href={`#comment-${thread.target.id}`}>
                  {open.edit
                    ? t("edit")
                    : `${t("reply")} — ${thread.target.author?.name ?? thread.target.guestName ?? ""}`}
                </a>
              </p>
              <CommentForm
                postId={postId}
                path={basePath}
                parentId={open.edit ? undefined : thread.target.id}
                commentId={open.edit ? thread.target.id : undefined}
                initialBody={open.edit ? (thread.target.ownSource ?? "") : mentionOf(thread.target)}
                asGuest={access.asGuest}
                held={access.held}
                label={open.edit ? t("edit") : t("reply")}
              />
            </div>
          ) : null}
          <ThreadIsland
            src={thread.src}
            postId={postId}
            path={basePath}
            personal={thread.personal}
            asGuest={access.canComment ? access.asGuest : false}
            held={access.canComment ? access.held : false}
            signedIn={signedIn}
            signInHref={loginPath(`${basePath}#discussion`)}
            version={thread.renderedAt}
          />
        </>
      ) : (
        <FullThread
          thread={thread.result}
          history={thread.history}
          postId={postId}
          basePath={basePath}
          sort={sort}
          open={open}
          signedIn={signedIn}
        />
      )}
      <HashRedirect articlePath={basePath} />
      <LiveUpdates postId={postId} />
    </DiscussionLabelsProvider>
  );
}

const mentionOf = (comment: ThreadItem) => (comment.author && !comment.isOwn ? `@${comment.author.name} ` : "");

/** FullThread: the page of the thread rendered for a moderator of the blog, with its tools, page links and "Show more comments". */
function FullThread({
  thread,
  history,
  postId,
  basePath,
  sort,
  open,
  signedIn,
}: {
  thread: ThreadResult;
  history?: Map<string, CommentEdit[]>;
  postId: string;
  basePath: string;
  sort: Sort;
  open: { reply?: string; edit?: string };
  signedIn: boolean;
}) {
  const page = thread.page;
  return (
    <>
      <CommentThread
        comments={thread.tree}
        postId={postId}
        basePath={basePath}
        permissions={threadPermissions(thread.viewer, signedIn)}
        open={open}
        query={pageQuery(sort, page.number)}
        history={history}
      />
      <LoadMoreLabelled page={page} postId={postId} basePath={basePath} sort={sort} />
      <ThreadPages page={page} hrefOf={(n) => `${pageHref(basePath, sort, n)}#discussion`} />
    </>
  );
}

async function LoadMoreLabelled({
  page,
  postId,
  basePath,
  sort,
}: {
  page: ThreadResult["page"];
  postId: string;
  basePath: string;
  sort: Sort;
}) {
  const t = await getTranslations("discussion");
  return (
    <LoadMore
      key={`${sort}-${page.number}`}
      next={page.number + 1}
      pageCount={page.count}
      hrefPrefix={`${basePath}?${pageQuery(sort, 1)}page=`}
      load={loadThreadPageAction.bind(null, { postId, basePath, sort })}
      labels={{ loadMore: t("loadMore"), loading: t("loadingMore"), failed: t("loadMoreFailed") }}
    />
  );
}
