import { shownDescription, type BlogSummary } from "@/lib/blogs";
import styles from "./blog-header.module.css";

/** BlogHeader: the blog's identity (header image, logo or initial, name, tagline, description). */
export function BlogHeader({ blog }: { blog: BlogSummary }) {
  const description = shownDescription(blog.descriptionHtml);
  return (
    <header className={`${styles.header} h-card`}>
      {blog.headerImageUrl ? (
        // eslint-disable-next-line @next/next/no-img-element -- uploaded images are served as they are
        <img className={styles.banner} src={blog.headerImageUrl} alt="" width={1600} height={400} />
      ) : null}
      <div className={styles.identity}>
        {blog.logoUrl ? (
          // eslint-disable-next-line @next/next/no-img-element -- uploaded logos are served as they are
          <img className={`${styles.logo} u-logo`} src={blog.logoUrl} alt="" width={64} height={64} />
        ) : (
          <span className={styles.initial} aria-hidden="true">
            {Array.from(blog.name)[0]}
          </span>
        )}
        <div>
          <h1 className={`${styles.name} p-name`}>{blog.name}</h1>
          {blog.tagline ? <p className={`${styles.tagline} p-note`}>{blog.tagline}</p> : null}
        </div>
      </div>
      {description ? (
        // Sanitized by the markdown pipeline when it was saved (lib/blogs/description.ts).
        <div className={styles.description} dangerouslySetInnerHTML={{ __html: description }} />
      ) : null}
    </header>
  );
}
