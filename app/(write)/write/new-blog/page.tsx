import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { CreateBlogForm } from "@/components/blogs/create-blog-form";
import { requireViewer } from "@/lib/auth";
import { canCreateBlog } from "@/lib/blogs";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("blogsAdmin"))("newBlog") };
}

export default async function NewBlogPage() {
  const viewer = await requireViewer("/write/new-blog");
  if (!(await canCreateBlog(viewer))) notFound();
  const [t, locale] = await Promise.all([getTranslations("blogsAdmin"), getLocale()]);
  return (
    <div className="narrow stack-lg">
      <h1>{t("newBlog")}</h1>
      <p>{t("newBlogIntro")}</p>
      <CreateBlogForm locale={locale} />
    </div>
  );
}
