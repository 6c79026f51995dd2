import { getFormatter, getTranslations } from "next-intl/server";
import type { SentWebmention } from "@/lib/links/webmention";
import styles from "./editor.module.css";

/** SentWebmentions: under the editor, the Webmentions this article sent and what each site answered. */
export async function SentWebmentions({ sends }: { sends: SentWebmention[] }) {
  if (!sends.length) return null;
  const [t, format] = await Promise.all([getTranslations("webmention"), getFormatter()]);
  return (
    <section aria-labelledby="sent-webmentions" className={styles.sent}>
      <h2 id="sent-webmentions">{t("sentTitle")}</h2>
      <p className="meta">{t("sentIntro")}</p>
      <ul className="stack" data-testid="sent-webmentions">
        {sends.map((send) => (
          <li key={send.id}>
            <a href={send.target} rel="nofollow noopener">
              {send.target}
            </a>{" "}
            <strong>{t(`sendStatus.${send.status as "queued" | "sent" | "no_endpoint" | "failed"}`)}</strong>{" "}
            <span className="meta">
              {format.dateTime(send.updatedAt, { dateStyle: "medium", timeStyle: "short" })}
              {send.responseStatus ? ` · HTTP ${send.responseStatus}` : ""}
              {send.responseText ? ` · ${send.responseText.slice(0, 200)}` : ""}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
