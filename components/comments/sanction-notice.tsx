import Link from "next/link";
import { getFormatter, getTranslations } from "next-intl/server";
import type { Sanction } from "@/lib/auth/policy";

/**
 * SanctionNotice: what a suspended or banned person sees instead of the comment form: the
 * kind, the scope (this blog or the whole site), the end of a suspension and the reason.
 */
export async function SanctionNotice({ sanction }: { sanction?: Sanction }) {
  const [t, format] = await Promise.all([getTranslations("sanctions"), getFormatter()]);
  if (!sanction) return <span role="status">{t("noticeGeneric")}</span>;
  const until = sanction.until ? format.dateTime(sanction.until, { dateStyle: "long", timeStyle: "short" }) : "";
  return (
    <span role="status" data-testid="sanction-notice">
      {t("notice", {
        kind: sanction.kind === "banned" || !sanction.until ? "banned" : "suspended",
        scope: sanction.blogId ? "blog" : "instance",
        until,
      })}
      {sanction.reason ? <> {t("noticeReason", { reason: sanction.reason })}</> : null}{" "}
      <Link href="/notifications">{t("noticeMore")}</Link>
    </span>
  );
}
