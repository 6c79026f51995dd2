import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { liftAction, sanctionAction } from "@/app/(write)/write/[blog]/moderation/people/[handle]/actions";
import { AuditEntries } from "@/components/moderation/audit-entries";
import { SanctionForms } from "@/components/moderation/sanction-forms";
import { SanctionList } from "@/components/moderation/sanction-list";
import { requireViewer } from "@/lib/auth";
import { isAppError } from "@/lib/errors";
import { getInstancePersonRecord } from "@/lib/moderation";

export const dynamic = "force-dynamic";

type Props = {
  params: Promise<{ handle: string }>;
  searchParams: Promise<{ done?: string; error?: string }>;
};

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { handle } = await params;
  return { title: (await getTranslations("sanctions"))("personTitle", { handle }) };
}

/** A person's sanctions across the instance, for admins, with the instance-wide sanction forms. */
export default async function InstancePersonPage({ params, searchParams }: Props) {
  const { handle } = await params;
  const viewer = await requireViewer(`/moderation/people/${handle}`);
  const record = await getInstancePersonRecord(viewer, handle).catch((error: unknown) => {
    if (isAppError(error)) notFound();
    throw error;
  });
  const [t, tc, status] = await Promise.all([getTranslations("sanctions"), getTranslations(), searchParams]);
  const error = typeof status.error === "string" && tc.has(status.error) ? tc(status.error) : null;
  const done = ["warning", "suspension", "ban", "lift"].includes(status.done ?? "") ? status.done : null;
  const returnTo = `/moderation/people/${record.person.handle}`;
  return (
    <div className="stack-lg">
      <nav aria-label={t("instanceNav")}>
        <Link href="/moderation/log">{t("instanceLog")}</Link>
      </nav>
      <header className="stack">
        <h1>{t("personHeading", { name: record.person.name })}</h1>
        <p className="meta">
          <Link href={`/u/${record.person.handle}`}>@{record.person.handle}</Link>
          {record.person.isAdmin ? <> · {t("instanceAdmin")}</> : null}
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
      <section aria-labelledby="sanctions-heading" className="stack">
        <h2 id="sanctions-heading">{t("allSanctionsHeading")}</h2>
        <SanctionList
          sanctions={record.sanctions}
          lift={{ action: liftAction, returnTo, blog: true, instance: record.canSanction }}
        />
      </section>
      {record.canSanction ? (
        <section aria-labelledby="act-heading" className="stack">
          <h2 id="act-heading">{t("actInstanceHeading")}</h2>
          <SanctionForms
            action={sanctionAction}
            userId={record.person.id}
            blogId=""
            returnTo={returnTo}
            personName={record.person.name}
            instance="only"
          />
        </section>
      ) : (
        <p className="notice">{t("cannotSanction")}</p>
      )}
      <section aria-labelledby="history-heading" className="stack">
        <h2 id="history-heading">{t("historyHeading")}</h2>
        <AuditEntries entries={record.audit} showBlog />
      </section>
    </div>
  );
}
