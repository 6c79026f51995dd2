import { getTranslations } from "next-intl/server";
import type { ThreadItem } from "@/lib/comments";
import { REPORT_REASONS } from "@/lib/moderation";
import { ActForm } from "./act-form";
import styles from "./discussion.module.css";

type Props = {
  comment: ThreadItem;
  postId: string;
  path: string;
  canModerate: boolean;
};

/**
 * CommentTools: the report button of a reader and the moderation menu of the blog's
 * moderators for one comment. Server-rendered <details> and forms: they work without
 * JavaScript and with the keyboard alone, and wrap on a 320 px screen. Removing asks for a
 * reason and can be undone (Restore); the results are announced by the discussion.
 */
export async function CommentTools({ comment, postId, path, canModerate }: Props) {
  const t = await getTranslations("moderationThread");
  const hidden = { postId, commentId: comment.id, path };
  const taken = comment.status === "removed" || comment.status === "spam" || comment.status === "hidden";
  const report = comment.viewerHasReported ? (
    <span className={styles.likes}>{t("reported")}</span>
  ) : comment.canReport ? (
    <details className={`${styles.confirm} ${styles.tools}`}>
      <summary className={styles.action}>{t("report")}</summary>
      <div className={styles.toolPanel}>
        <ActForm act="report" hidden={hidden}>
          <fieldset>
            <legend>{t("reportWhy")}</legend>
            {REPORT_REASONS.map((reason, index) => (
              <label key={reason}>
                <input type="radio" name="reportReason" value={reason} required defaultChecked={index === 0} />{" "}
                {t("reportReason", { reason })}
              </label>
            ))}
          </fieldset>
          <label>
            {t("reportNote")}
            <input type="text" name="note" maxLength={500} />
          </label>
          <button type="submit" className="button">
            {t("reportSend")}
          </button>
        </ActForm>
      </div>
    </details>
  ) : null;
  if (!canModerate) return report;

  if (taken)
    return (
      <>
        <ActForm act="restore" hidden={hidden}>
          <button type="submit" className="button button--secondary">
            {comment.status === "hidden" ? t("keep") : t("restore")}
          </button>
        </ActForm>
        {comment.status === "hidden" ? (
          <details className={`${styles.confirm} ${styles.tools}`}>
            <summary className={styles.action}>{t("remove")}</summary>
            <div className={styles.toolPanel}>
              <ActForm act="remove" hidden={hidden}>
                <label>
                  {t("removeReason")}
                  <input type="text" name="reason" maxLength={500} />
                </label>
                <button type="submit" className="button button--danger">
                  {t("remove")}
                </button>
              </ActForm>
            </div>
          </details>
        ) : null}
      </>
    );

  // A held comment has its own Approve / Remove / Spam buttons (CommentActions).
  if (comment.status !== "approved") return report;
  const canPin = !comment.parentId;
  return (
    <>
      {report}
      <details className={`${styles.confirm} ${styles.tools}`}>
        <summary className={styles.action} aria-label={t("menuFor")}>
          {t("menu")}
        </summary>
        <div className={styles.toolPanel}>
          <ActForm act="remove" hidden={hidden}>
            <p>{t("removeConfirm")}</p>
            <label>
              {t("removeReason")}
              <input type="text" name="reason" maxLength={500} />
            </label>
            <button type="submit" className="button button--danger">
              {t("remove")}
            </button>
          </ActForm>
          <ActForm act="spam" hidden={hidden}>
            <button type="submit" className="button button--secondary">
              {t("spam")}
            </button>
          </ActForm>
          {canPin ? (
            <ActForm act={comment.isPinned ? "unpin" : "pin"} hidden={hidden}>
              <button type="submit" className="button button--secondary">
                {comment.isPinned ? t("unpin") : t("pin")}
              </button>
            </ActForm>
          ) : null}
          {comment.moderation && !comment.isOwn ? (
            <details>
              <summary className={styles.action}>{t("editAs")}</summary>
              <ActForm act="modedit" hidden={hidden}>
                <label>
                  {t("editAs")}
                  <textarea name="body" defaultValue={comment.moderation.source} maxLength={5000} required />
                </label>
                <label>
                  {t("editNote")}
                  <input type="text" name="note" maxLength={300} required />
                </label>
                <button type="submit" className="button">
                  {t("save")}
                </button>
              </ActForm>
            </details>
          ) : null}
        </div>
      </details>
    </>
  );
}

/** ModerationFacts: what moderators read on a taken-down or reported comment (never shown to readers). */
export async function ModerationFacts({ comment }: { comment: ThreadItem }) {
  if (!comment.moderation) return null;
  const t = await getTranslations("moderationThread");
  const { reason, reports } = comment.moderation;
  const tag =
    comment.status === "removed"
      ? t("removedTag")
      : comment.status === "spam"
        ? t("spamTag")
        : comment.status === "hidden"
          ? t("hiddenTag")
          : null;
  if (!tag && !reports.count) return null;
  return (
    <div className={styles.notice}>
      {tag ? <strong>{tag}</strong> : null}
      {tag && reason ? <> · {t("moderationReason", { reason })}</> : null}
      {reports.count ? (
        <p>
          {t("reportCount", { count: reports.count })}:{" "}
          {Object.entries(reports.reasons)
            .map(([key, n]) => `${t("reportReason", { reason: key })} ×${n}`)
            .join(", ")}
          {reports.reporters.length ? <> — {t("reportedBy", { names: reports.reporters.join(", ") })}</> : null}
          {reports.notes.map((note, index) => (
            <span key={index}>
              {" "}
              · <q>{note}</q>
            </span>
          ))}
        </p>
      ) : null}
    </div>
  );
}
