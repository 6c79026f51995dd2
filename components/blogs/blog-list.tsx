import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { CSSProperties } from "react";
import type { BlogSummary } from "@/lib/blogs";
import styles from "./blog-list.module.css";

/** accentStyle: a blog's accent colour as the --blog-accent custom property (validated hex only). */
export function accentStyle(accentColor: string | null | undefined): CSSProperties | undefined {
  return accentColor && /^#[0-9a-f]{6}$/i.test(accentColor)
    ? ({ "--blog-accent": accentColor } as CSSProperties)
    : undefined;
}

export async function BlogList({ blogs }: { blogs: (BlogSummary & { postCount: number })[] }) {
  const t = await getTranslations("home");
  return (
    <ul className={styles.grid}>
      {blogs.map((blog) => (
        <li key={blog.id} className={styles.card} lang={blog.language} style={accentStyle(blog.accentColor)}>
          <div className={styles.head}>
            {blog.logoUrl ? (
              // eslint-disable-next-line @next/next/no-img-element -- uploaded logos are served as they are
              <img className={styles.logo} src={blog.logoUrl} alt="" width={40} height={40} />
            ) : (
              <span className={styles.initial} aria-hidden="true">
                {Array.from(blog.name)[0]}
              </span>
            )}
            <h3 className={styles.name}>
              <Link href={`/${blog.slug}`}>{blog.name}</Link>
            </h3>
          </div>
          {blog.tagline ? <p className={styles.tagline}>{blog.tagline}</p> : null}
          <p className="meta">{t("postCount", { count: blog.postCount })}</p>
        </li>
      ))}
    </ul>
  );
}
