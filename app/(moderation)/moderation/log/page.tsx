import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ZodError } from "zod";
import { AuditLogView } from "@/components/moderation/audit-log-view";
import { requireViewer } from "@/lib/auth";
import { isAppError } from "@/lib/errors";
import { auditQueryOf, listAudit } from "@/lib/moderation";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("auditLog"))("title") };
}

/** The instance's audit log, every blog (admins: canReadInstanceAuditLog). */
export default async function InstanceAuditLogPage({ searchParams }: Props) {
  const viewer = await requireViewer("/moderation/log");
  const [t, tv, raw] = await Promise.all([getTranslations("auditLog"), getTranslations(), searchParams]);
  const query = auditQueryOf(raw);
  let result: Awaited<ReturnType<typeof listAudit>>;
  let error: string | null = null;
  try {
    result = await listAudit(viewer, { blogId: null }, query);
  } catch (caught) {
    if (caught instanceof ZodError || (isAppError(caught) && caught.code === "INVALID_INPUT")) {
      const key = caught instanceof ZodError ? (caught.issues[0]?.message ?? "") : caught.message;
      error = tv.has(key) ? tv(key) : t("invalidFilters");
      result = await listAudit(viewer, { blogId: null }, {});
    } else if (isAppError(caught)) notFound();
    else throw caught;
  }
  return (
    <div className="stack-lg">
      <nav aria-label={t("instanceNav")}>
        <Link href="/moderation">{t("backToInstanceQueue")}</Link>
      </nav>
      <h1>{t("instanceHeading")}</h1>
      <p>{t("instanceIntro")}</p>
      <AuditLogView
        basePath="/moderation/log"
        csvPath="/moderation/log.csv"
        query={error ? {} : query}
        entries={result.entries}
        actions={result.actions}
        nextCursor={result.nextCursor}
        error={error}
        instance
      />
    </div>
  );
}
