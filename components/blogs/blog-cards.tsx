import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { CSSProperties } from "react";
import type { ManageableBlog } from "@/lib/blogs";
import styles from "./blogs-admin.module.css";

/** BlogCards: the person's blogs on the dashboard, with their role and, for owners, the back-office links. */
export async function BlogCards({ blogs }: { blogs: ManageableBlog[] }) {
  const t = await getTranslations("blogsAdmin");
  return (
    <ul className={styles.blogList}>
      {blogs.map((blog) => (
        <li
          key={blog.id}
          className={styles.blogCard}
          style={blog.accentColor ? ({ "--blog-accent": blog.accentColor } as CSSProperties) : undefined}
        >
          {blog.logoUrl ? (
            // eslint-disable-next-line @next/next/no-img-element -- uploads are served as they are
            <img src={blog.logoUrl} alt="" className={styles.logo} />
          ) : null}
          <div className="stack">
            <h2>
              <Link href={`/${blog.slug}`}>{blog.name}</Link>
            </h2>
            {blog.tagline ? <p className="meta">{blog.tagline}</p> : null}
            <p>{t("yourRole", { role: t(`roles.${blog.role}`) })}</p>
            <p className={styles.actions}>
              {blog.canWrite ? (
                <Link href={`/write/${blog.slug}/posts`}>
                  {t("postsTab")}
                  <span className="visually-hidden"> · {blog.name}</span>
                </Link>
              ) : null}
              {blog.canManage ? (
                <>
                  <Link href={`/write/${blog.slug}/settings`}>
                    {t("settingsTab")}
                    <span className="visually-hidden"> · {blog.name}</span>
                  </Link>
                  <Link href={`/write/${blog.slug}/members`}>
                    {t("membersTab")}
                    <span className="visually-hidden"> · {blog.name}</span>
                  </Link>
                </>
              ) : null}
            </p>
          </div>
        </li>
      ))}
    </ul>
  );
}
