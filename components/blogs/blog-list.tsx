import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { BlogSummary } from "@/lib/blogs";

export async function BlogList({ blogs }: { blogs: (BlogSummary & { postCount: number })[] }) {
  const t = await getTranslations("home");
  return (
    <ul className="card-list">
      {blogs.map((blog) => (
        <li key={blog.id} className="card" lang={blog.language}>
          <h3>
            <Link href={`/${blog.slug}`}>{blog.name}</Link>
          </h3>
          {blog.tagline ? <p>{blog.tagline}</p> : null}
          <p className="meta">{t("postCount", { count: blog.postCount })}</p>
        </li>
      ))}
    </ul>
  );
}
