import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { PostEditor } from "@/components/editor/post-editor";
import { requireViewer } from "@/lib/auth";
import { getBlogBySlug } from "@/lib/blogs";
import { env } from "@/lib/env.js";
import { isAppError } from "@/lib/errors";
import { assertBlogWriter, scheduleSuggestion } from "@/lib/posts";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ blog: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("editor"))("newArticle") };
}

/** A new article's editor: nothing is stored until something is written (the first autosave creates the draft). */
export default async function NewPostPage({ params }: Props) {
  const { blog: slug } = await params;
  const viewer = await requireViewer(`/write/${slug}/posts/new`);
  const blog = await getBlogBySlug(slug);
  if (!blog) notFound();
  await assertBlogWriter(viewer, blog.id).catch((error: unknown) => {
    if (isAppError(error) && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  return (
    <PostEditor
      blogSlug={blog.slug}
      scheduleDefault={scheduleSuggestion(null, env.TIME_ZONE)}
      timeZone={env.TIME_ZONE}
      post={{
        id: "",
        slug: "",
        title: "",
        bodySource: "",
        bodyHtml: "",
        excerpt: "",
        tags: [],
        coverImageUrl: null,
        commentPolicy: "inherit",
        status: "draft",
        publishedAt: null,
        deletedAt: null,
      }}
    />
  );
}
