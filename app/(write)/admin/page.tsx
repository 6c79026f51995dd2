import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AdminBlogTable } from "@/components/blogs/admin-blog-table";
import { CreateBlogForm } from "@/components/blogs/create-blog-form";
import { OpenCreationForm } from "@/components/blogs/open-creation-form";
import { ExportSection } from "@/components/export/export-section";
import { isAdmin, requireViewer } from "@/lib/auth";
import { isOpenBlogCreation, listAllBlogs } from "@/lib/blogs";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("blogsAdmin"))("adminTitle") };
}

export default async function AdminPage() {
  const viewer = await requireViewer("/admin");
  // The page does not exist for anyone but an administrator.
  if (!isAdmin(viewer)) notFound();
  const [t, locale, blogs, open] = await Promise.all([
    getTranslations("blogsAdmin"),
    getLocale(),
    listAllBlogs(viewer),
    isOpenBlogCreation(),
  ]);
  return (
    <div className="stack-lg">
      <h1>{t("adminTitle")}</h1>
      <section className="stack" aria-labelledby="all-blogs-heading">
        <h2 id="all-blogs-heading">{t("allBlogs")}</h2>
        {blogs.length ? <AdminBlogTable blogs={blogs} /> : <p>{t("noBlogsYet")}</p>}
      </section>
      <div className="narrow stack-lg">
        <CreateBlogForm forSomeone locale={locale} />
        <OpenCreationForm open={open} />
        <ExportSection scope="instance" href="/admin/export" />
      </div>
    </div>
  );
}
