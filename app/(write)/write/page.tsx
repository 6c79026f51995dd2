import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { BlogCards } from "@/components/blogs/blog-cards";
import { isAdmin, requireViewer } from "@/lib/auth";
import { canCreateBlog, listManageableBlogs } from "@/lib/blogs";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("blogsAdmin"))("dashboardTitle") };
}

export default async function WriteDashboardPage() {
  const viewer = await requireViewer("/write");
  const [t, blogs, mayCreate] = await Promise.all([
    getTranslations("blogsAdmin"),
    listManageableBlogs(viewer),
    canCreateBlog(viewer),
  ]);
  return (
    <div className="stack-lg">
      <h1>{t("dashboardTitle")}</h1>
      {blogs.length ? <BlogCards blogs={blogs} /> : <p>{t("noBlogs")}</p>}
      {mayCreate ? (
        <p>
          <Link href="/write/new-blog" className="button">
            {t("newBlog")}
          </Link>
        </p>
      ) : null}
      {isAdmin(viewer) ? (
        <p>
          <Link href="/admin">{t("adminLink")}</Link>
        </p>
      ) : null}
    </div>
  );
}
