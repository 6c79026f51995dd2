import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";

/**
 * SanctionNotification: a `sanction` notice as its person reads it: warned, suspended until,
 * banned (from a blog or the site) or lifted, with the reason the moderator gave.
 */
export async function SanctionNotification({ detail }: { detail: Record<string, unknown> | null }) {
  const [t, format] = await Promise.all([getTranslations("sanctions"), getFormatter()]);
  const text = (key: string) => (typeof detail?.[key] === "string" ? (detail[key] as string) : "");
  const kind = ["warning", "suspension", "ban", "lift"].includes(text("kind")) ? text("kind") : "other";
  const endsAt = text("endsAt") ? new Date(text("endsAt")) : null;
  const blog = text("blog");
  const slug = text("blogSlug");
  return (
    <div className="stack" data-testid="sanction-notification">
      <p>
        <strong>
          {t("notification", {
            kind,
            lifted: text("lifted") || "other",
            scope: blog ? "blog" : "instance",
            blog,
            until:
              endsAt && !Number.isNaN(endsAt.getTime())
                ? format.dateTime(endsAt, { dateStyle: "long", timeStyle: "short" })
                : "",
          })}
        </strong>
      </p>
      {text("reason") ? <p>{t("reasonIs", { reason: text("reason") })}</p> : null}
      {slug ? <Link href={`/${slug}`}>{blog}</Link> : null}
    </div>
  );
}
