import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AddMemberForm } from "@/components/blogs/add-member-form";
import { BlogManageNav } from "@/components/blogs/manage-nav";
import { MemberList } from "@/components/blogs/member-list";
import { requireViewer } from "@/lib/auth";
import { getBlogSettings, listMembers, resolveBlogSlug } from "@/lib/blogs";

type Props = { params: Promise<{ blog: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("blogsAdmin"))("membersTitle") };
}

export default async function BlogMembersPage({ params }: Props) {
  const { blog: slug } = await params;
  const viewer = await requireViewer(`/write/${slug}/members`);
  const blog = await getBlogSettings(viewer, slug);
  if (!blog) {
    const resolved = await resolveBlogSlug(slug);
    if (resolved?.redirectTo) redirect(`/write/${resolved.redirectTo}/members`);
    notFound();
  }
  const [t, members] = await Promise.all([getTranslations("blogsAdmin"), listMembers(viewer, blog.id)]);
  return (
    <div className="stack-lg">
      <BlogManageNav slug={blog.slug} current="members" />
      <h1>{t("membersOf", { blog: blog.name })}</h1>
      <p>{t("membersIntro")}</p>
      <MemberList blogId={blog.id} members={members} viewerId={viewer.id} />
      <div className="narrow">
        <AddMemberForm blogId={blog.id} />
      </div>
    </div>
  );
}
