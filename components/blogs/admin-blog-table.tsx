import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { AdminBlog } from "@/lib/blogs";
import styles from "./blogs-admin.module.css";

/** AdminBlogTable: every blog of the instance with its owners, for the admin page. */
export async function AdminBlogTable({ blogs }: { blogs: AdminBlog[] }) {
  const [t, format] = await Promise.all([getTranslations("blogsAdmin"), getFormatter()]);
  return (
    <table className={styles.table}>
      <thead>
        <tr>
          <th scope="col">{t("blog")}</th>
          <th scope="col">{t("owners")}</th>
          <th scope="col">{t("memberCount")}</th>
          <th scope="col">{t("created")}</th>
          <th scope="col">{t("actions")}</th>
        </tr>
      </thead>
      <tbody>
        {blogs.map((blog) => (
          <tr key={blog.id} data-testid={`blog-${blog.slug}`}>
            <th scope="row">
              <Link href={`/${blog.slug}`}>{blog.name}</Link> <span className="meta">/{blog.slug}</span>
            </th>
            <td>
              {blog.owners.length
                ? blog.owners.map((owner, i) => (
                    <span key={owner.id}>
                      {i ? ", " : ""}
                      <Link href={`/u/${owner.handle}`}>{owner.name}</Link>
                    </span>
                  ))
                : t("noOwner")}
            </td>
            <td>{blog.memberCount}</td>
            <td>{format.dateTime(blog.createdAt, { dateStyle: "medium" })}</td>
            <td className={styles.actions}>
              <Link href={`/write/${blog.slug}/settings`}>
                {t("settingsTab")}
                <span className="visually-hidden"> · {blog.name}</span>
              </Link>
              <Link href={`/write/${blog.slug}/members`}>
                {t("membersTab")}
                <span className="visually-hidden"> · {blog.name}</span>
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
