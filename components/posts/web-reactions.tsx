import { getTranslations } from "next-intl/server";
import type { WebMention } from "@/lib/posts";
import styles from "./post.module.css";

function initials(name: string | null, url: string): string {
  const source = name?.trim() || new URL(url).hostname.replace(/^www\./, "");
  return source
    .split(/\s+/)
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase() ?? "")
    .join("");
}

/** Face: one person of another site, their photo (HTTPS only) or initials, linking to their page. */
function Face({ mention }: { mention: WebMention }) {
  const name = mention.author.name ?? new URL(mention.url).hostname;
  return (
    <li className="h-cite">
      <a className={`${styles.face} u-url`} href={mention.url} title={name} rel="nofollow ugc noopener">
        {mention.author.photo ? (
          // eslint-disable-next-line @next/next/no-img-element -- a remote avatar, shown as the site gave it
          <img className="u-photo" src={mention.author.photo} alt={name} width={32} height={32} loading="lazy" />
        ) : (
          <span aria-label={name} role="img">
            {initials(mention.author.name, mention.url)}
          </span>
        )}
      </a>
    </li>
  );
}

/** WebReactions: likes and reposts from other sites (Webmention), as compact lines of faces. */
export async function WebReactions({ likes, reposts }: { likes: WebMention[]; reposts: WebMention[] }) {
  if (!likes.length && !reposts.length) return null;
  const t = await getTranslations("webmention");
  return (
    <section className={styles.webReactions} aria-label={t("reactionsLabel")}>
      {[
        { list: likes, label: t("likes", { count: likes.length }), key: "likes" },
        { list: reposts, label: t("reposts", { count: reposts.length }), key: "reposts" },
      ]
        .filter(({ list }) => list.length)
        .map(({ list, label, key }) => (
          <div key={key} className={styles.faceLine}>
            <span className={styles.muted}>{label}</span>
            <ul className={styles.faces}>
              {list.map((mention) => (
                <Face key={mention.id} mention={mention} />
              ))}
            </ul>
          </div>
        ))}
    </section>
  );
}
