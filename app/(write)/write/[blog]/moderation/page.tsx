import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { BlogManageNav } from "@/components/blogs/manage-nav";
import { QueueView } from "@/components/moderation/queue-view";
import { requireViewer } from "@/lib/auth";
import { resolveBlogSlug } from "@/lib/blogs";
import { isAppError } from "@/lib/errors";
import { countWaiting, listQueue, queueBlog, readQueueSearch, withParams } from "@/lib/moderation";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ blog: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("moderationQueue"))("title") };
}

/** A blog's moderation queue: its owners and moderators, and instance admins. */
export default async function BlogModerationPage({ params, searchParams }: Props) {
  const { blog: slug } = await params;
  const basePath = `/write/${slug}/moderation`;
  const viewer = await requireViewer(basePath);
  const blog = await queueBlog(viewer, slug);
  if (!blog) {
    const resolved = await resolveBlogSlug(slug);
    if (resolved?.redirectTo) redirect(`/write/${resolved.redirectTo}/moderation`);
    notFound();
  }
  const { query, notice } = readQueueSearch(await searchParams);
  const [t, waiting] = await Promise.all([getTranslations("moderationQueue"), countWaiting(viewer)]);
  const others = waiting?.blogs.filter((other) => other.slug !== blog.slug) ?? [];
  const page = await listQueue(viewer, { ...query, blog: undefined, scope: { blogId: blog.id } }).catch(
    (error: unknown) => {
      if (isAppError(error) && error.code === "INVALID_INPUT") redirect(withParams(basePath, { tab: query.tab }));
      throw error;
    },
  );
  return (
    <div className="stack-lg">
      <BlogManageNav slug={blog.slug} current="moderation" />
      {others.length ? (
        <p className="meta">
          {t("otherQueues")}{" "}
          {others.map((other, i) => (
            <span key={other.slug}>
              {i ? ", " : ""}
              <Link href={`/write/${other.slug}/moderation`}>{other.name}</Link>
            </span>
          ))}
        </p>
      ) : null}
      <QueueView
        title={t("blogTitle", { name: blog.name })}
        basePath={basePath}
        page={page}
        params={{ ...query, blog: undefined }}
        notice={notice}
      />
    </div>
  );
}
