import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { BlogManageNav } from "@/components/blogs/manage-nav";
import { AuditEntries } from "@/components/moderation/audit-entries";
import { SanctionForms } from "@/components/moderation/sanction-forms";
import { SanctionList } from "@/components/moderation/sanction-list";
import styles from "@/components/moderation/sanctions.module.css";
import { requireViewer } from "@/lib/auth";
import { getBlogBySlug, resolveBlogSlug } from "@/lib/blogs";
import { commentPath } from "@/lib/comments";
import { isAppError } from "@/lib/errors";
import { getPersonRecord } from "@/lib/moderation";
import { liftAction, sanctionAction } from "./actions";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ blog: string; handle: string }>;
  searchParams: Promise<{ done?: string; error?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { handle } = await params;
  return { title: (await getTranslations("sanctions"))("personTitle", { handle }) };
}

/** A person's record on the blog for its staff: comments, sanctions, audit entries, and the sanction forms. */
export default async function PersonPage({ params, searchParams }: Props) {
  const { blog: slug, handle } = await params;
  const path = `/write/${slug}/moderation/people/${handle}`;
  const viewer = await requireViewer(path);
  const blog = await getBlogBySlug(slug);
  if (!blog) {
    const resolved = await resolveBlogSlug(slug);
    if (resolved?.redirectTo) redirect(`/write/${resolved.redirectTo}/moderation/people/${handle}`);
    notFound();
  }
  const record = await getPersonRecord(viewer, blog, handle).catch((error: unknown) => {
    if (isAppError(error)) notFound();
    throw error;
  });
  const [t, tc, format, status] = await Promise.all([
    getTranslations("sanctions"),
    getTranslations(),
    getFormatter(),
    searchParams,
  ]);
  const { person, counts } = record;
  const error = typeof status.error === "string" && tc.has(status.error) ? tc(status.error) : null;
  const done = ["warning", "suspension", "ban", "lift"].includes(status.done ?? "") ? status.done : null;
  const returnTo = `/write/${blog.slug}/moderation/people/${person.handle}`;
  return (
    <div className="stack-lg">
      <BlogManageNav slug={blog.slug} current="moderation" />
      <header className="stack">
        <p className="meta">
          <Link href={`/write/${blog.slug}/moderation`}>{t("backToQueue")}</Link>
        </p>
        <h1>{t("personHeading", { name: person.name })}</h1>
        <p className="meta">
          <Link href={`/u/${person.handle}`}>@{person.handle}</Link>
          {person.blogRole ? <> · {t("role", { role: person.blogRole })}</> : null}
          {person.isAdmin ? <> · {t("instanceAdmin")}</> : null}
        </p>
      </header>
      <div id="sanction-status" aria-live="polite">
        {error ? (
          <p className="form-message form-message--error" role="alert">
            {error}
          </p>
        ) : done ? (
          <p className="form-message form-message--ok" role="status">
            {t("done", { kind: done })}
          </p>
        ) : null}
      </div>
      {record.inForce.length ? (
        <p className="notice" data-testid="in-force">
          {t("inForceSummary", { count: record.inForce.length })}
        </p>
      ) : null}
      <section aria-labelledby="record-heading" className="stack">
        <h2 id="record-heading">{t("recordHeading", { blog: blog.name })}</h2>
        <ul className={styles.counts}>
          {(["approved", "pending", "hidden", "removed", "spam", "deleted", "reports"] as const).map((key) => (
            <li key={key}>
              {t("count", { key })} <strong>{counts[key]}</strong>
            </li>
          ))}
        </ul>
        {record.recent.length ? (
          <ul className={styles.list}>
            {record.recent.map((comment) => (
              <li key={comment.id} className={styles.entry}>
                <p className="meta">
                  <Link href={commentPath(blog.slug, comment.post.slug, comment.id)}>{comment.post.title}</Link> ·{" "}
                  {format.dateTime(comment.createdAt, { dateStyle: "medium" })} ·{" "}
                  <span className={styles.badge}>{t("status", { status: comment.status })}</span>
                </p>
                <div className="comment__body" dangerouslySetInnerHTML={{ __html: comment.bodyHtml }} />
              </li>
            ))}
          </ul>
        ) : (
          <p>{t("noComments")}</p>
        )}
      </section>
      <section aria-labelledby="sanctions-heading" className="stack">
        <h2 id="sanctions-heading">{t("sanctionsHeading")}</h2>
        <SanctionList
          sanctions={record.sanctions}
          lift={{ action: liftAction, returnTo, blog: record.can.sanction, instance: record.can.sanctionInstance }}
        />
      </section>
      {record.can.sanction ? (
        <section aria-labelledby="act-heading" className="stack">
          <h2 id="act-heading">{t("actHeading")}</h2>
          <SanctionForms
            action={sanctionAction}
            userId={person.id}
            blogId={blog.id}
            returnTo={returnTo}
            personName={person.name}
            instance={record.can.sanctionInstance}
          />
        </section>
      ) : (
        <p className="notice">{t("cannotSanction")}</p>
      )}
      <section aria-labelledby="history-heading" className="stack">
        <h2 id="history-heading">{t("historyHeading")}</h2>
        <AuditEntries entries={record.audit} />
      </section>
    </div>
  );
}
