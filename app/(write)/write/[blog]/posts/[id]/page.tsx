import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { PostEditor } from "@/components/editor/post-editor";
import { SentWebmentions } from "@/components/editor/sent-webmentions";
import { env } from "@/lib/env.js";
import { listSentWebmentions } from "@/lib/links/webmention";
import { scheduleSuggestion } from "@/lib/posts";
import { loadEditorPost } from "./load";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ blog: string; id: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { blog, id } = await params;
  const { post } = await loadEditorPost(blog, id, `/write/${blog}/posts/${id}`);
  const t = await getTranslations("editor");
  return { title: `${t("editTitle")}: ${post.title || t("untitledDraft")}` };
}

export default async function EditorPage({ params }: Props) {
  const { blog, id } = await params;
  const { post, viewer } = await loadEditorPost(blog, id, `/write/${blog}/posts/${id}`);
  const sends = await listSentWebmentions(viewer, post.id);
  const scheduleDefault = scheduleSuggestion(post.status === "scheduled" ? post.publishedAt : null, env.TIME_ZONE);
  return (
    <>
      <PostEditor
        blogSlug={post.blog.slug}
        scheduleDefault={scheduleDefault}
        timeZone={env.TIME_ZONE}
        post={{
          id: post.id,
          slug: post.slug,
          title: post.title,
          bodySource: post.bodySource,
          bodyHtml: post.bodyHtml,
          excerpt: post.excerpt,
          tags: post.tags,
          coverImageUrl: post.coverImageUrl,
          commentPolicy: post.commentPolicy ?? "inherit",
          status: post.status,
          publishedAt: post.publishedAt?.toISOString() ?? null,
          deletedAt: post.deletedAt?.toISOString() ?? null,
        }}
      />
      <SentWebmentions sends={sends} />
    </>
  );
}
