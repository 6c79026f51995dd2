import { getTranslations } from "next-intl/server";
import type { RevisionDiff } from "@/lib/posts";
import styles from "./diff.module.css";

/** RevisionDiffView: the changes from a revision to the current text, removed lines in <del>, added in <ins>. */
export async function RevisionDiffView({ diff }: { diff: RevisionDiff }) {
  const t = await getTranslations("editor");
  return (
    <section aria-labelledby="diff-heading" className="stack">
      <h2 id="diff-heading">{t("diffHeading")}</h2>
      {diff.titleChanged ? (
        <p>
          {t("titleWas")} <del>{diff.revision.title}</del> <ins>{diff.currentTitle}</ins>
        </p>
      ) : null}
      {diff.hunks.length === 0 ? <p>{t("noDifference")}</p> : null}
      {diff.hunks.map((hunk) => (
        <pre key={`${hunk.oldStart}-${hunk.newStart}`} className={styles.hunk}>
          <span className={styles.header}>{t("hunkLines", { old: hunk.oldStart, current: hunk.newStart })}</span>
          {hunk.lines.map((line, i) =>
            line.kind === "added" ? (
              <ins key={i} className={styles.line}>
                {line.text}
              </ins>
            ) : line.kind === "removed" ? (
              <del key={i} className={styles.line}>
                {line.text}
              </del>
            ) : (
              <span key={i} className={styles.line}>
                {line.text}
              </span>
            ),
          )}
        </pre>
      ))}
    </section>
  );
}
