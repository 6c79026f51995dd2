import type { Metadata } from "next";
import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import styles from "@/components/account/account.module.css";
import { SanctionNotification } from "@/components/moderation/sanction-notification";
import { Avatar } from "@/components/users/avatar";
import { requireViewer } from "@/lib/auth";
import { listNotifications } from "@/lib/notifications";
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
  // What became of a report names neither the reporter nor the author; the others name their actor.
  const describe = (item: (typeof page.items)[number]) =>
    item.kind === "report_outcome"
      ? r(item.outcome ?? "dismissed", { post: item.post?.title ?? "" })
      : t("kind", { kind: item.kind, actor: item.actor?.name ?? item.guestName ?? "—", post: item.post?.title ?? "" });
  return (
    <div className="narrow stack" style={{ paddingTop: "var(--space-5)", maxWidth: "40rem" }}>
      <h1>{t("title")}</h1>
      <form action={markAllReadAction}>
        <button type="submit" className="button button--secondary">
          {t("markAllRead")}
        </button>
      </form>
      {page.items.length ? (
        <ol className={styles.notifications}>
          {page.items.map((item) => (
            <li key={item.id} className={item.readAt ? undefined : styles.unread}>
              {item.actor ? <Avatar handle={item.actor.handle} image={item.actor.image} size={32} /> : null}
              <div>
                {item.kind === "sanction" ? (
                  <SanctionNotification detail={item.detail} />
                ) : (
                  <p>{item.href ? <Link href={item.href}>{describe(item)}</Link> : describe(item)}</p>
                )}
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
