import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { ProfileModerationPanel } from "@/components/moderation/profile-moderation-panel";
import { Avatar } from "@/components/users/avatar";
import styles from "@/components/users/profile.module.css";
import { getViewer } from "@/lib/auth";
import { commentPath } from "@/lib/comments";
import { moderatorPanel } from "@/lib/moderation";
import { getPublicProfile } from "@/lib/users";

export const dynamic = "force-dynamic";
type Props = { params: Promise<{ handle: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const profile = await getPublicProfile((await params).handle);
  return profile ? { title: `${profile.name} (@${profile.handle})` } : {};
}

export default async function ProfilePage({ params }: Props) {
  const profile = await getPublicProfile((await params).handle);
  if (!profile) notFound();
  const [t, format, panel] = await Promise.all([
    getTranslations("profile"),
    getFormatter(),
    getViewer().then((viewer) => moderatorPanel(viewer, profile.id)),
  ]);
  return (
    <div className={`h-card stack-lg ${styles.page}`}>
      <header className={styles.header}>
        <Avatar handle={profile.handle} image={profile.image} size={72} />
        <div>
          <h1 className="p-name">{profile.name}</h1>
          <p className="meta">
            <span className="p-nickname">@{profile.handle}</span> ·{" "}
            {t("memberSince", { date: format.dateTime(profile.createdAt, { month: "long", year: "numeric" }) })}
          </p>
        </div>
      </header>
      {panel ? <ProfileModerationPanel handle={profile.handle} panel={panel} admin={panel.admin} /> : null}
      {profile.bioHtml ? <div className="p-note prose" dangerouslySetInnerHTML={{ __html: profile.bioHtml }} /> : null}
      {profile.links.length ? (
        <ul className={styles.links}>
          {profile.links.map((link) => (
            <li key={link.url}>
              <a className="u-url" href={link.url} rel="me nofollow noopener">
                {link.label}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
      <section aria-labelledby="articles-heading">
        <h2 id="articles-heading">{t("articles")}</h2>
        {profile.posts.length ? (
          <ul>
            {profile.posts.map((post) => (
              <li key={post.id}>
                <Link href={`/${post.blog.slug}/${post.slug}`}>{post.title}</Link>{" "}
                <span className="meta">· {post.blog.name}</span>
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("noArticles")}</p>
        )}
      </section>
      <section aria-labelledby="comments-heading">
        <h2 id="comments-heading">{t("comments")}</h2>
        {profile.comments.length ? (
          <ul className="stack">
            {profile.comments.map((comment) => (
              <li key={comment.id}>
                <p className="meta">
                  {t("onArticle")}{" "}
                  <Link href={commentPath(comment.post.blog.slug, comment.post.slug, comment.id)}>
                    {comment.post.title}
                  </Link>{" "}
                  · {format.dateTime(comment.createdAt, { dateStyle: "medium" })}
                </p>
                <div className="comment__body" dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("noComments")}</p>
        )}
      </section>
    </div>
  );
}
