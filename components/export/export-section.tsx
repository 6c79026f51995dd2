import { getTranslations } from "next-intl/server";
import { EXPORT_VERSION } from "@/lib/export/schema";

/** ExportSection: the settings pages' download link for a blog's or the instance's export (a plain GET, streamed). */
export async function ExportSection({ href, scope }: { href: string; scope: "blog" | "instance" }) {
  const t = await getTranslations("export");
  return (
    <section className="stack" aria-labelledby="export-heading">
      <h2 id="export-heading">{t("heading")}</h2>
      <p>{t(scope === "blog" ? "blogIntro" : "instanceIntro")}</p>
      <p>
        <a href={href} download>
          {t(scope === "blog" ? "blogLink" : "instanceLink")}
        </a>
      </p>
      <p className="meta">{t("formatNote", { version: EXPORT_VERSION })}</p>
    </section>
  );
}
