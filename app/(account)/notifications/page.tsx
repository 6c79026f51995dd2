import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import styles from "@/components/account/account.module.css";
import { SanctionNotification } from "@/components/moderation/sanction-notification";
import { Avatar } from "@/components/users/avatar";
import { requireViewer } from "@/lib/auth";
import { groupNotifications, listNotifications, type NotificationGroup } from "@/lib/notifications";
import { markAllReadAction } from "./actions";

export const dynamic = "force-dynamic";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("notifications"))("title") };
}

type Props = { searchParams: Promise<{ cursor?: string; unread?: string }> };

/** The notifications page: newest first, unread ones marked, twenty at a time. */
export default async function NotificationsPage({ searchParams }: Props) {
  const viewer = await requireViewer("/notifications");
  const { cursor, unread } = await searchParams;
  const [t, r, format, page] = await Promise.all([
    getTranslations("notifications"),
    getTranslations("reportOutcome"),
    getFormatter(),
    listNotifications(viewer, { cursor: cursor?.slice(0, 64), unreadOnly: unread === "1", limit: 20 }),
  ]);
  const now = new Date();
  const lines = groupNotifications(page.items);
  // What became of a report names neither the reporter nor the author; the others name their actor
  // (and how many more people when several notices about one article make one line).
  const describe = (item: NotificationGroup) => {
    if (item.kind === "report_outcome") return r(item.outcome ?? "dismissed", { post: item.post?.title ?? "" });
    const values = { kind: item.kind, actor: item.actor?.name ?? item.guestName ?? "—", post: item.post?.title ?? "" };
    if (item.kind === "comment_held" && item.ids.length > 1)
      return t("kindGroup", { ...values, count: item.ids.length, others: 0 });
    return item.others.length
      ? t("kindGroup", { ...values, others: item.others.length, count: item.ids.length })
      : t("kind", values);
  };
  // Opening a line goes through the server, which marks its notices read and sends the reader on
  // (a full navigation, so the comment is highlighted as soon as the page shows).
  const openHref = (item: NotificationGroup) =>
    `/notifications/open?${item.ids.map((id) => `id=${encodeURIComponent(id)}`).join("&")}`;
  return (
    <div className="narrow stack" style={{ paddingTop: "var(--space-5)", maxWidth: "40rem" }}>
      <h1>{t("title")}</h1>
      <form action={markAllReadAction}>
        <button type="submit" className="button button--secondary">
          {t("markAllRead")}
        </button>
      </form>
      {lines.length ? (
        <ol className={styles.notifications}>
          {lines.map((item) => (
            <li key={item.id} className={item.readAt ? undefined : styles.unread}>
              {item.actor ? <Avatar handle={item.actor.handle} image={item.actor.image} size={32} /> : null}
              <div>
                {item.kind === "sanction" ? (
                  <SanctionNotification detail={item.detail} />
                ) : (
                  <p>{item.href ? <a href={openHref(item)}>{describe(item)}</a> : describe(item)}</p>
                )}
                {item.excerpt ? <p className={styles.excerpt}>{item.excerpt}</p> : null}
                <time className="meta" dateTime={item.createdAt.toISOString()}>
                  {format.relativeTime(item.createdAt, now)}
                </time>
              </div>
            </li>
          ))}
        </ol>
      ) : (
        <p>{t("empty")}</p>
      )}
      {page.nextCursor ? <Link href={`/notifications?cursor=${page.nextCursor}`}>{t("more")}</Link> : null}
    </div>
  );
}
