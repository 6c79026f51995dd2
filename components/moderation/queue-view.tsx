import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { decideQueueAction } from "@/app/(moderation)/moderation/actions";
import { QUEUE_TABS, withParams, type QueueItem, type QueuePage, type QueueTab } from "@/lib/moderation";
import { QueueKeys } from "./queue-keys";
import styles from "./queue.module.css";

/** The query the page was asked with (already parsed). */
export type QueueParams = { tab: QueueTab; blog?: string; post?: string; author?: string; cursor?: string };
/** What the last decision did (from the action's redirect): shown in the live region. */
export type QueueNotice = { done?: string; ids?: string[]; error?: string };

/** The buttons of an item, by tab: [action, keyboard key]. */
const ITEM_ACTIONS: Record<QueueTab, [string, string][]> = {
  waiting: [
    ["approve", "a"],
    ["reject", "r"],
    ["spam", "s"],
  ],
  reported: [
    ["keep", "a"],
    ["remove", "r"],
    ["spam", "s"],
  ],
  spam: [["restore", "a"]],
  removed: [["restore", "a"]],
};
const BULK_ACTIONS: Record<QueueTab, string[]> = {
  waiting: ["approve", "reject", "spam"],
  reported: ["keep", "remove", "spam"],
  spam: ["restore"],
  removed: ["restore"],
};

/**
 * QueueView: a tab of the moderation queue (a blog's or the instance's). One plain form holds
 * every item: an item's button decides for it alone, the bulk bar for the checked ones; it all
 * works without JavaScript, and QueueKeys adds the keyboard and "select all".
 */
export async function QueueView({
  title,
  basePath,
  page,
  params,
  notice,
  blogs,
}: {
  title: string;
  basePath: string;
  page: QueuePage;
  params: QueueParams;
  notice: QueueNotice;
  /** The instance queue's blog filter (absent on a blog's queue). */
  blogs?: { slug: string; name: string }[];
}) {
  const [t, format] = await Promise.all([getTranslations("moderationQueue"), getFormatter()]);
  const filters = { blog: params.blog, post: params.post, author: params.author };
  const here = withParams(basePath, { tab: params.tab, ...filters, cursor: params.cursor });
  const tabHref = (tab: QueueTab) => withParams(basePath, { tab, ...filters });
  const filtered = Boolean(params.post || params.author || (blogs && params.blog));
  const restoring = notice.done === "remove" || notice.done === "reject" || notice.done === "spam";
  const postTitle = params.post ? page.items.find((item) => item.post.id === params.post)?.post.title : undefined;

  return (
    <div className="stack-lg">
      <div className="stack">
        <h1>{title}</h1>
        <p>{t("intro")}</p>
        <details className={styles.shortcuts}>
          <summary>{t("shortcutsTitle")}</summary>
          <p>{t("shortcuts")}</p>
        </details>
      </div>

      <nav aria-label={t("tabsLabel")} className={styles.tabs}>
        {QUEUE_TABS.map((tab) => (
          <Link key={tab} href={tabHref(tab)} aria-current={tab === page.tab ? "page" : undefined}>
            {t("tab", { tab })} ({page.counts[tab]})
          </Link>
        ))}
      </nav>

      <form method="get" action={basePath} className={styles.filters} aria-label={t("filtersLabel")}>
        <input type="hidden" name="tab" value={params.tab} />
        {params.post ? <input type="hidden" name="post" value={params.post} /> : null}
        {blogs ? (
          <div className="field">
            <label htmlFor="queue-blog">{t("filterBlog")}</label>
            <select id="queue-blog" name="blog" defaultValue={params.blog ?? ""}>
              <option value="">{t("allBlogs")}</option>
              {blogs.map((blog) => (
                <option key={blog.slug} value={blog.slug}>
                  {blog.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <div className="field">
          <label htmlFor="queue-author">{t("filterAuthor")}</label>
          <input id="queue-author" name="author" defaultValue={params.author ?? ""} autoComplete="off" />
        </div>
        <button type="submit" className="button button--secondary">
          {t("apply")}
        </button>
      </form>
      {filtered ? (
        <p className="meta">
          {t("activeFilters")}{" "}
          {[
            params.post ? (postTitle ? t("filterPost", { title: postTitle }) : t("filterPostId")) : null,
            params.author ? t("filterAuthorValue", { author: params.author }) : null,
            blogs && page.blog ? page.blog.name : null,
          ]
            .filter(Boolean)
            .join(", ")}{" "}
          · <Link href={withParams(basePath, { tab: params.tab })}>{t("clearFilters")}</Link>
        </p>
      ) : null}

      <div role="status" aria-live="polite" className={styles.status} id="queue-status">
        {notice.error ? <p className={styles.error}>{t("error", { code: notice.error })}</p> : null}
        {notice.done && notice.ids?.length ? (
          <div className={styles.notice}>
            <span>{t("done", { action: notice.done, count: notice.ids.length })}</span>
            {restoring ? (
              <form action={decideQueueAction}>
                <input type="hidden" name="returnTo" value={here} />
                <input type="hidden" name="decision" value="restore" />
                {notice.ids.map((id) => (
                  <input key={id} type="hidden" name="ids" value={id} />
                ))}
                <button type="submit" className="link-button">
                  {t("undo")}
                </button>
              </form>
            ) : null}
          </div>
        ) : null}
      </div>

      {page.items.length ? (
        <form action={decideQueueAction} id="queue-form" className="stack">
          <input type="hidden" name="returnTo" value={here} />
          <fieldset className={styles.bulk}>
            <legend className="visually-hidden">{t("bulkLabel")}</legend>
            <QueueKeys selectAllLabel={t("selectAll")} version={`${notice.done ?? ""}${notice.ids?.join() ?? ""}`} />
            {BULK_ACTIONS[page.tab].some((action) => action === "reject" || action === "remove") ? (
              <div className="field">
                <label htmlFor="queue-reason">{t("bulkReason")}</label>
                <input id="queue-reason" name="reason" maxLength={500} />
              </div>
            ) : null}
            {BULK_ACTIONS[page.tab].map((action) => (
              <button
                key={action}
                type="submit"
                name="decision"
                value={action}
                className={`button ${action === "approve" || action === "restore" || action === "keep" ? "" : "button--secondary"}`}
              >
                {t("action", { action })}
                <span className="visually-hidden"> ({t("bulkLabel")})</span>
              </button>
            ))}
          </fieldset>
          <ol className={styles.list} aria-label={t("tab", { tab: page.tab })}>
            {page.items.map((item) => (
              <QueueEntry
                key={item.id}
                item={item}
                tab={page.tab}
                basePath={basePath}
                filters={filters}
                when={format.dateTime(item.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                t={t}
              />
            ))}
          </ol>
        </form>
      ) : (
        <p>{t("empty", { tab: page.tab })}</p>
      )}

      {params.cursor || page.nextCursor ? (
        <nav className={styles.pager} aria-label={t("tabsLabel")}>
          {params.cursor ? (
            <Link href={withParams(basePath, { tab: params.tab, ...filters })}>{t("first")}</Link>
          ) : null}
          {page.nextCursor ? (
            <Link href={withParams(basePath, { tab: params.tab, ...filters, cursor: page.nextCursor })}>
              {t("next")}
            </Link>
          ) : null}
        </nav>
      ) : null}
    </div>
  );
}

type T = Awaited<ReturnType<typeof getTranslations<"moderationQueue">>>;

function QueueEntry({
  item,
  tab,
  basePath,
  filters,
  when,
  t,
}: {
  item: QueueItem;
  tab: QueueTab;
  basePath: string;
  filters: Record<string, string | undefined>;
  when: string;
  t: T;
}) {
  const whoId = `queue-${item.id}-who`;
  const author = item.author;
  const name = author.kind === "deleted" ? t("deletedUser") : author.name;
  const authorFilter = author.kind === "member" ? author.handle : author.kind === "guest" ? author.email : null;
  return (
    <li data-queue-item tabIndex={-1} className={styles.item} aria-labelledby={whoId} id={`queue-${item.id}`}>
      <div className={styles.head}>
        <input type="checkbox" name="ids" value={item.id} aria-label={t("select", { name })} />
        <span id={whoId} className={styles.who}>
          {author.kind === "member" ? (
            <Link href={`/write/${item.blog.slug}/moderation/people/${author.handle}`}>{author.name}</Link>
          ) : author.kind === "guest" ? (
            t("guest", { name: author.name })
          ) : (
            name
          )}
        </span>
        {author.kind === "guest" && author.email ? (
          <span className="meta">{t("guestEmail", { email: author.email })}</span>
        ) : null}
        <span className={styles.badge}>{t("status", { status: item.status })}</span>
        <time className="meta" dateTime={item.createdAt.toISOString()}>
          {when}
        </time>
      </div>
      <p className={`meta ${styles.details}`}>
        <span>
          <Link href={item.post.href}>{t("onArticle", { title: item.post.title })}</Link>{" "}
          {t("inBlog", { blog: item.blog.name })}
        </span>
        <Link href={withParams(basePath, { tab, ...filters, post: item.post.id, cursor: undefined })}>
          {t("onlyArticle")}
        </Link>
        {authorFilter ? (
          <Link href={withParams(basePath, { tab, ...filters, author: authorFilter, cursor: undefined })}>
            {t("onlyAuthor")}
          </Link>
        ) : null}
      </p>
      <p className={`meta ${styles.details}`}>
        {item.record.firstComment ? <strong>{t("firstComment")}</strong> : null}
        <span>
          {t("record", {
            approved: item.record.approved,
            removed: item.record.removed,
            spam: item.record.spam,
            reported: item.record.reported,
          })}
        </span>
      </p>
      {item.heldBy.length ? <p className="meta">{t("heldBy", { rules: item.heldBy.join(", ") })}</p> : null}
      {item.reports.length ? (
        <div className="meta">
          <p>{t("reportsTitle", { count: item.reports.reduce((sum, report) => sum + report.count, 0) })}</p>
          <ul className={styles.reports}>
            {item.reports.map((report) => (
              <li key={report.reason}>
                {t("reportReason", { reason: report.reason, count: report.count })}
                {report.notes.length ? ` — ${report.notes.join(" · ")}` : ""}
                {report.reporters?.length ? ` — ${t("reportedBy", { names: report.reporters.join(", ") })}` : ""}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {item.parent ? (
        <blockquote className={styles.parent}>
          <span className="meta">{t("inReplyTo", { name: item.parent.authorName ?? t("someone") })}</span>{" "}
          {item.parent.excerpt}
        </blockquote>
      ) : null}
      <div className="prose" dangerouslySetInnerHTML={{ __html: item.bodyHtml }} />
      {item.moderationReason ? <p className="meta">{t("removedReason", { reason: item.moderationReason })}</p> : null}
      <div className={styles.actions} role="group" aria-label={t("itemActions")}>
        {ITEM_ACTIONS[tab].some(([action]) => action === "reject" || action === "remove") ? (
          <div className="field">
            <label htmlFor={`reason-${item.id}`}>{t("itemReason")}</label>
            <input id={`reason-${item.id}`} name={`reason:${item.id}`} maxLength={500} />
          </div>
        ) : null}
        {ITEM_ACTIONS[tab].map(([action, key]) => (
          <button
            key={action}
            type="submit"
            name="act"
            value={`${action}:${item.id}`}
            data-key={key}
            aria-keyshortcuts={key}
            className={`button ${action === "approve" || action === "restore" || action === "keep" ? "" : "button--secondary"}`}
          >
            {t("action", { action })}
          </button>
        ))}
      </div>
    </li>
  );
}
