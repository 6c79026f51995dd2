"use client";

import Link from "next/link";
import { useFormatter, useTranslations } from "next-intl";
import { useActionState, useCallback, useEffect, useState } from "react";
import { autosaveAction, editorAction } from "@/app/(write)/write/[blog]/posts/actions";
import { Field } from "@/components/ui/field";
import { FormMessage } from "@/components/ui/form-message";
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
};

/**
 * PostEditor: a plain form (Save works without JavaScript) enhanced with a live preview from
 * the server's pipeline and an autosave every few seconds and on blur.
 */
export function PostEditor({ blogSlug, post, scheduleDefault }: EditorProps) {
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
  const save = useCallback(
    (fields: Record<string, string>) => autosaveAction(blogSlug, post.id, fields),
    [blogSlug, post.id],
  );
  const autosave = useAutosave(values, save);
  const preview = usePreview(post.id, values.bodySource, post.bodyHtml);
  const { markSaved } = autosave;
  useEffect(() => {
    if (state.ok) markSaved(state.data?.savedAt);
  }, [state, markSaved]);

  const errors = { ...autosave.fieldErrors, ...(state.fieldErrors ?? {}) };
  const set = (name: keyof typeof values) => (event: { target: { value: string } }) =>
    setValues((current) => ({ ...current, [name]: event.target.value }));

  return (
    <form
      action={formAction}
      className="stack"
      noValidate
      onBlur={() => void autosave.flush()}
      aria-labelledby="editor-heading"
    >
      <input type="hidden" name="blog" value={blogSlug} />
      <input type="hidden" name="postId" value={post.id} />
      <div className={styles.toolbar}>
        <h1 id="editor-heading">{t("editTitle")}</h1>
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
        maxLength={200}
        required
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
      <div className={styles.split}>
        <div className="field">
          <label htmlFor="post-body">{t("body")}</label>
          <textarea
            id="post-body"
            name="bodySource"
            className={styles.body}
            value={values.bodySource}
            onChange={set("bodySource")}
            maxLength={200_000}
            aria-describedby="post-body-hint"
            aria-invalid={errors.bodySource ? true : undefined}
          />
          <p id="post-body-hint" className="field__hint">
            {t("bodyHint")}
          </p>
          {errors.bodySource ? (
            <p className="field__error">
              {errors.bodySource.map((key) => (tAll.has(key) ? tAll(key) : key)).join(" ")}
            </p>
          ) : null}
        </div>
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
        <Link href={`/write/${blogSlug}/posts/${post.id}/revisions`}>{t("revisions")}</Link>
        <a href={`/write/${blogSlug}/posts/${post.id}/export`} download>
          {t("export")}
        </a>
        {post.status === "published" && !post.deletedAt ? (
          <Link href={`/${blogSlug}/${post.slug}`}>{t("view")}</Link>
        ) : null}
      </div>
      <PublishControls
        status={post.status}
        publishedAt={
          post.publishedAt
            ? format.dateTime(new Date(post.publishedAt), { dateStyle: "long", timeStyle: "short" })
            : null
        }
        deleted={Boolean(post.deletedAt)}
        scheduleDefault={scheduleDefault}
        errors={errors.publishAt}
      />
    </form>
  );
}
