import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import { restorePostAction } from "@/app/(write)/write/[blog]/posts/actions";
import type { WriterPostItem } from "@/lib/posts";

type Props = {
  blogSlug: string;
  heading: string;
  posts: WriterPostItem[];
  kind: "drafts" | "scheduled" | "published" | "deleted";
};

/** WriterPostList: one group of the writer's posts (drafts, scheduled, published or deleted). */
export async function WriterPostList({ blogSlug, heading, posts, kind }: Props) {
  const [t, format] = await Promise.all([getTranslations("editor"), getFormatter()]);
  const id = `posts-${kind}`;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>
        {heading} <span className="meta">({posts.length})</span>
      </h2>
      {posts.length ? (
        <ul className="stack" data-testid={id}>
          {posts.map((post) => (
            <li key={post.id}>
              <Link href={`/write/${blogSlug}/posts/${post.id}`}>{post.title || t("untitledDraft")}</Link>{" "}
              <span className="meta">
                {kind === "scheduled" && post.publishedAt
                  ? t("scheduledFor", {
                      date: format.dateTime(post.publishedAt, { dateStyle: "long", timeStyle: "short" }),
                    })
                  : kind === "published" && post.publishedAt
                    ? t("publishedOn", { date: format.dateTime(post.publishedAt, { dateStyle: "long" }) })
                    : t("updatedOn", {
                        date: format.dateTime(post.updatedAt, { dateStyle: "long", timeStyle: "short" }),
                      })}
                {" · "}
                {post.author.name}
                {kind === "drafts" ? null : (
                  <>
                    {" · "}
                    <span data-testid="comment-count">{t("commentCount", { count: post.commentCount })}</span>
                  </>
                )}
              </span>
              {kind === "deleted" ? (
                <form action={restorePostAction.bind(null, blogSlug, post.id)} className="inline-form">
                  <button type="submit" className="link-button">
                    {t("restore")}
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      ) : (
        <p className="meta">{t("emptyGroup")}</p>
      )}
    </section>
  );
}
