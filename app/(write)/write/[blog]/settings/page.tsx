import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BlogSettingsForm } from "@/components/blogs/blog-settings-form";
import { ImportForm } from "@/components/blogs/import-form";
import { BlogManageNav } from "@/components/blogs/manage-nav";
import { ExportSection } from "@/components/export/export-section";
import { requireViewer } from "@/lib/auth";
import { getBlogSettings, resolveBlogSlug } from "@/lib/blogs";
import { spamCheckConfigured } from "@/lib/moderation";

type Props = {
  params: Promise<{ blog: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("blogsAdmin"))("settingsTitle") };
}

export default async function BlogSettingsPage({ params, searchParams }: Props) {
  const { blog: slug } = await params;
  const viewer = await requireViewer(`/write/${slug}/settings`);
  const blog = await getBlogSettings(viewer, slug);
  if (!blog) {
    // An old address of the blog leads to the current one, where access is checked again.
    const resolved = await resolveBlogSlug(slug);
    if (resolved?.redirectTo) redirect(`/write/${resolved.redirectTo}/settings`);
    // Outsiders, authors and moderators learn nothing about the blog's back office.
    notFound();
  }
  const [t, query] = await Promise.all([getTranslations("blogsAdmin"), searchParams]);
  return (
    <div className="narrow stack-lg">
      <BlogManageNav slug={blog.slug} current="settings" />
      <h1>{t("settingsOf", { blog: blog.name })}</h1>
      {query.created === "1" ? (
        <p className="notice" role="status">
          {t("blogCreatedIntro")}
        </p>
      ) : null}
      <BlogSettingsForm
        key={blog.slug}
        blog={blog}
        justSaved={query.saved === "1"}
        spamCheckAvailable={spamCheckConfigured()}
      />
      <ImportForm slug={blog.slug} />
      <ExportSection scope="blog" href={`/write/${blog.slug}/settings/export`} />
    </div>
  );
}
