import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { QueueView } from "@/components/moderation/queue-view";
import { canSeeInstanceQueue, requireViewer } from "@/lib/auth";
import { listAllBlogs } from "@/lib/blogs";
import { isAppError } from "@/lib/errors";
import { listQueue, readQueueSearch, withParams } from "@/lib/moderation";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("moderationQueue"))("title") };
}

/** The instance's moderation queue: every blog, for instance admins, with a blog filter. */
export default async function InstanceModerationPage({ searchParams }: Props) {
  const viewer = await requireViewer("/moderation");
  if (!canSeeInstanceQueue(viewer)) notFound();
  const { query, notice } = readQueueSearch(await searchParams);
  const [t, blogs, page] = await Promise.all([
    getTranslations("moderationQueue"),
    listAllBlogs(viewer),
    listQueue(viewer, { ...query, scope: "instance" }).catch((error: unknown) => {
      if (isAppError(error) && error.code === "INVALID_INPUT") redirect(withParams("/moderation", { tab: query.tab }));
      throw error;
    }),
  ]);
  return (
    <div className="stack-lg" style={{ paddingTop: "var(--space-5)" }}>
      <QueueView
        title={t("instanceTitle")}
        basePath="/moderation"
        page={page}
        params={query}
        notice={notice}
        blogs={blogs.map(({ slug, name }) => ({ slug, name }))}
      />
    </div>
  );
}
