"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useActionState, useCallback, useEffect, useRef, useState, type FormEvent } from "react";
import {
  autosaveAction,
  editorAction,
  startDraftAction,
  type AutosaveResult,
} from "@/app/(write)/write/[blog]/posts/actions";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
import { BodyField } from "./body-field";
import { CoverInput } from "./cover-input";
import styles from "./editor.module.css";
import { PublishControls } from "./publish-controls";
import { SaveStatusLine } from "./save-status";
import { useAutosave } from "./use-autosave";
import { usePreview } from "./use-preview";
import { initialFormState } from "@/lib/forms";

export type EditorProps = {
  blogSlug: string;
  post: {
    id: string;
    slug: string;
    title: string;
    bodySource: string;
    bodyHtml: string;
    excerpt: string;
    tags: string[];
    coverImageUrl: string | null;
    commentPolicy: string;
    status: "draft" | "scheduled" | "published";
    publishedAt: string | null;
    deletedAt: string | null;
  };
  scheduleDefault: string;
  /** The instance's TIME_ZONE, in which dates are shown and the schedule is read. */
  timeZone: string;
};

/**
 * PostEditor: a plain form (Save works without JavaScript) enhanced with a live preview from
 * the server's pipeline and an autosave every few seconds and on blur. A new article (empty id)
 * is stored by its first save with something written in it, never before.
 */
export function PostEditor({ blogSlug, post, scheduleDefault, timeZone }: EditorProps) {
  const t = useTranslations("editor");
  const tAll = useTranslations();
  const format = useFormatter();
  const [state, formAction] = useActionState(editorAction, initialFormState);
  const [values, setValues] = useState({
    title: post.title,
    slug: post.slug,
    bodySource: post.bodySource,
    excerpt: post.excerpt,
    tags: post.tags.join(", "),
    commentPolicy: post.commentPolicy,
  });
  const [focusMode, setFocusMode] = useState(false);
  // The article's id once it exists: from the page, the first autosave, or a refused publication.
  const [createdId, setCreatedId] = useState("");
  const postId = post.id || createdId || state.data?.postId || "";
  const idRef = useRef(postId);
  const creating = useRef<Promise<AutosaveResult> | null>(null);
  useEffect(() => {
    idRef.current = postId;
  }, [postId]);
  const save = useCallback(
    async (fields: Record<string, string>) => {
      if (idRef.current) return autosaveAction(blogSlug, idRef.current, fields);
      creating.current = startDraftAction(blogSlug, fields);
      const result = await creating.current.finally(() => (creating.current = null));
      if (result.postId) {
        idRef.current = result.postId;
        setCreatedId(result.postId);
        // The address of the draft from now on (a reload opens it, not a new article).
        window.history.replaceState(null, "", `/write/${blogSlug}/posts/${result.postId}`);
      }
      return result;
    },
    [blogSlug],
  );
  const autosave = useAutosave(values, save);
  const preview = usePreview(postId ? { postId } : { blog: blogSlug }, values.bodySource, post.bodyHtml);
  const { markSaved } = autosave;
  useEffect(() => {
    if (state.ok) markSaved(state.data?.savedAt);
  }, [state, markSaved]);

  // A button pressed while the first autosave is creating the article waits for it, then
  // submits with its id: the form must not create a second article.
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    const pending = creating.current;
    if (idRef.current || !pending) return;
    event.preventDefault();
    const form = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    void pending.then((result) => {
      const field = form.elements.namedItem("postId");
      if (result.postId && field instanceof HTMLInputElement) field.value = result.postId;
      form.requestSubmit(submitter);
    });
  }

  const errors = { ...autosave.fieldErrors, ...(state.fieldErrors ?? {}) };
  const set = (name: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [name]: event.target.value }));

  return (
    <form
      action={formAction}
      className="stack"
      noValidate
      onBlur={() => void autosave.flush()}
      onSubmit={onSubmit}
      aria-labelledby="editor-heading"
    >
      <input type="hidden" name="blog" value={blogSlug} />
      <input type="hidden" name="postId" value={postId} />
      <div className={styles.toolbar}>
        <h1 id="editor-heading">{postId ? t("editTitle") : t("newArticle")}</h1>
        <SaveStatusLine status={autosave.status} />
      </div>
      <FormMessage
        state={state}
        success={state.message && tAll.has(state.message) ? tAll(state.message) : t("done.save")}
      />
      <Field
        name="title"
        label={t("title")}
        value={values.title}
        onChange={set("title")}
        placeholder={t("titlePlaceholder")}
        maxLength={200}
        errors={errors.title}
      />
      <Field
        name="slug"
        label={t("slug")}
        hint={post.slug ? t("slugHint") : t("slugHintNew")}
        value={values.slug}
        onChange={set("slug")}
        maxLength={120}
        errors={errors.slug}
      />
      <div className={`${styles.split} ${focusMode ? styles.focusing : ""}`}>
        <BodyField
          blogSlug={blogSlug}
          value={values.bodySource}
          onChange={set("bodySource")}
          errors={errors.bodySource}
          focusMode={focusMode}
          onFocusModeChange={setFocusMode}
        />
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading">{t("preview")}</h2>
          {preview.failed ? <p className="meta">{t("previewFailed")}</p> : null}
          <div
            className={`prose ${styles.preview}`}
            data-testid="preview"
            dangerouslySetInnerHTML={{ __html: preview.html }}
          />
        </section>
      </div>
      <Field
        name="excerpt"
        label={t("excerpt")}
        hint={t("excerptHint")}
        value={values.excerpt}
        onChange={set("excerpt")}
        maxLength={500}
        errors={errors.excerpt}
      />
      <div className="field">
        <label htmlFor="post-comment-policy">{t("commentPolicy")}</label>
        <select
          id="post-comment-policy"
          name="commentPolicy"
          value={values.commentPolicy}
          onChange={set("commentPolicy")}
        >
          {["inherit", "open", "members", "closed"].map((policy) => (
            <option key={policy} value={policy}>
              {t(`commentPolicyOption.${policy}`)}
            </option>
          ))}
        </select>
      </div>
      <Field
        name="tags"
        label={t("tags")}
        hint={t("tagsHint")}
        value={values.tags}
        onChange={set("tags")}
        errors={errors.tags}
      />
      <CoverInput currentUrl={post.coverImageUrl} errors={errors.cover} />
      <div className={styles.actions}>
        <button type="submit" name="intent" value="save" className="button">
          {t("save")}
        </button>
        {postId ? (
          <>
            {post.status !== "published" ? (
              <a href={`/write/${blogSlug}/posts/${postId}/preview`} target="_blank" rel="noopener">
                {t("previewAsReader")}
              </a>
            ) : null}
            <Link href={`/write/${blogSlug}/posts/${postId}/revisions`}>{t("revisions")}</Link>
            <a href={`/write/${blogSlug}/posts/${postId}/export`} download>
              {t("export")}
            </a>
          </>
        ) : null}
        {post.status === "published" && !post.deletedAt ? (
          <Link href={`/${blogSlug}/${post.slug}`}>{t("view")}</Link>
        ) : null}
      </div>
      <PublishControls
        status={post.status}
        publishedAt={
          post.publishedAt
            ? format.dateTime(new Date(post.publishedAt), { dateStyle: "long", timeStyle: "short", timeZone })
            : null
        }
        deleted={Boolean(post.deletedAt)}
        scheduleDefault={scheduleDefault}
        timeZone={timeZone}
        errors={errors.publishAt}
      />
    </form>
  );
}
