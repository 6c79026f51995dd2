import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ZodError } from "zod";
import { BlogManageNav } from "@/components/blogs/manage-nav";
import { AuditLogView } from "@/components/moderation/audit-log-view";
import { requireViewer } from "@/lib/auth";
import { getBlogBySlug, resolveBlogSlug } from "@/lib/blogs";
import { isAppError } from "@/lib/errors";
import { auditQueryOf, listAudit } from "@/lib/moderation";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ blog: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auditLog"))("title") };
}

/** The blog's audit log: its owners and moderators, and admins (canReadAuditLog). */
export default async function BlogAuditLogPage({ params, searchParams }: Props) {
  const { blog: slug } = await params;
  const viewer = await requireViewer(`/write/${slug}/moderation/log`);
  const blog = await getBlogBySlug(slug);
  if (!blog) {
    const resolved = await resolveBlogSlug(slug);
    if (resolved?.redirectTo) redirect(`/write/${resolved.redirectTo}/moderation/log`);
    notFound();
  }
  const [t, tv, raw] = await Promise.all([getTranslations("auditLog"), getTranslations(), searchParams]);
  const query = auditQueryOf(raw);
  let result: Awaited<ReturnType<typeof listAudit>> = {
    entries: [],
    nextCursor: null,
    actions: [],
    handles: {},
  };
  let error: string | null = null;
  try {
    result = await listAudit(viewer, { blogId: blog.id }, query);
  } catch (caught) {
    if (caught instanceof ZodError || (isAppError(caught) && caught.code === "INVALID_INPUT")) {
      const key = caught instanceof ZodError ? (caught.issues[0]?.message ?? "") : caught.message;
      error = tv.has(key) ? tv(key) : t("invalidFilters");
      result = await listAudit(viewer, { blogId: blog.id }, {});
    } else if (isAppError(caught)) notFound();
    else throw caught;
  }
  const base = `/write/${blog.slug}/moderation`;
  return (
    <div className="stack-lg">
      <BlogManageNav slug={blog.slug} current="log" />
      <h1>{t("blogHeading", { name: blog.name })}</h1>
      <p>{t("intro")}</p>
      <AuditLogView
        basePath={`${base}/log`}
        csvPath={`${base}/log.csv`}
        query={error ? {} : query}
        entries={result.entries}
        actions={result.actions}
        nextCursor={result.nextCursor}
        error={error}
        personHref={(id) => (result.handles[id] ? `${base}/people/${result.handles[id]}` : null)}
      />
    </div>
  );
}
