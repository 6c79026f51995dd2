"use client";

import { useTranslations } from "next-intl";
import { useRef, useState, type ClipboardEvent, type DragEvent, type KeyboardEvent } from "react";
import { uploadImageAction } from "@/app/(write)/write/[blog]/posts/actions";
import styles from "./editor.module.css";
import {
  countWords,
  imageMarkdown,
  linkSelection,
  toggleHeading,
  wrapSelection,
  type TextEdit,
} from "./markdown-commands";

type Props = {
  blogSlug: string;
  value: string;
  onChange: (event: { target: { value: string } }) => void;
  errors?: string[];
  focusMode: boolean;
  onFocusModeChange: (on: boolean) => void;
};

const IMAGE_TYPES = ["image/png", "image/jpeg", "image/webp", "image/gif"];

const LinkIcon = () => (
  <svg
    width="16"
    height="16"
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth="2"
    strokeLinecap="round"
  >
    <path d="M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7" />
    <path d="M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7" />
  </svg>
);

/** Applies an edit as typing would (the browser's undo keeps it), then selects what the edit asks. */
function applyEdit(area: HTMLTextAreaElement, edit: TextEdit) {
  area.focus();
  area.setSelectionRange(edit.start, edit.end);
  // execCommand keeps the edit in the undo history; setRangeText is the fallback where it is gone.
  if (!document.execCommand("insertText", false, edit.text)) {
    area.setRangeText(edit.text, edit.start, edit.end, "end");
    area.dispatchEvent(new Event("input", { bubbles: true }));
  }
  area.setSelectionRange(edit.selectStart, edit.selectEnd);
}

/**
 * BodyField: the article's markdown as a writing surface: as tall as the window and growing
 * with the text, formatting buttons and shortcuts (Ctrl/⌘+B, I, K, Ctrl+Alt+2), images pasted
 * or dropped (uploaded, inserted with their size), a word count and a distraction-free mode.
 */
export function BodyField({ blogSlug, value, onChange, errors, focusMode, onFocusModeChange }: Props) {
  const t = useTranslations("editor");
  const tAll = useTranslations();
  const area = useRef<HTMLTextAreaElement>(null);
  const [uploads, setUploads] = useState<{ busy: string[]; error: string | null }>({ busy: [], error: null });

  const selection = () => {
    const node = area.current!;
    return { value: node.value, start: node.selectionStart, end: node.selectionEnd };
  };
  const commands = {
    bold: () => wrapSelection(selection(), "**", t("boldText")),
    italic: () => wrapSelection(selection(), "_", t("italicText")),
    link: () => linkSelection(selection(), t("linkText")),
    heading: () => toggleHeading(selection(), t("headingText")),
  };
  const run = (name: keyof typeof commands) => applyEdit(area.current!, commands[name]());

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Escape" && focusMode) return onFocusModeChange(false);
    if (!(event.ctrlKey || event.metaKey)) return;
    const name =
      event.altKey && event.code === "Digit2"
        ? "heading"
        : event.altKey || event.shiftKey
          ? null
          : ({ b: "bold", i: "italic", k: "link" } as const)[event.key.toLowerCase()];
    if (!name) return;
    event.preventDefault();
    run(name);
  }

  async function upload(files: File[]) {
    for (const file of files) {
      setUploads((u) => ({ busy: [...u.busy, file.name], error: null }));
      const form = new FormData();
      form.set("image", file);
      const result = await uploadImageAction(blogSlug, form).catch(() => ({
        ok: false as const,
        message: "errors.errorBody",
      }));
      setUploads((u) => ({
        busy: u.busy.filter((name) => name !== file.name),
        error: result.ok ? u.error : tAll.has(result.message) ? tAll(result.message) : result.message,
      }));
      if (!result.ok || !area.current) continue;
      const { start, end, value: text } = selection();
      const before = start > 0 && text[start - 1] !== "\n" ? "\n\n" : "";
      const markdown = `${before}${imageMarkdown(file.name, result)}\n\n`;
      applyEdit(area.current, {
        start,
        end,
        text: markdown,
        selectStart: start + markdown.length,
        selectEnd: start + markdown.length,
      });
    }
  }
  const images = (list: FileList | null | undefined) =>
    Array.from(list ?? []).filter((file) => IMAGE_TYPES.includes(file.type));
  function onPaste(event: ClipboardEvent<HTMLTextAreaElement>) {
    const files = images(event.clipboardData.files);
    if (!files.length) return;
    event.preventDefault();
    void upload(files);
  }
  function onDrop(event: DragEvent<HTMLTextAreaElement>) {
    const files = images(event.dataTransfer.files);
    if (!files.length) return;
    event.preventDefault();
    area.current?.focus();
    void upload(files);
  }

  const words = countWords(value);
  return (
    <div className={`field ${focusMode ? styles.focusMode : ""}`} data-testid="body-field">
      <label htmlFor="post-body">{t("body")}</label>
      <div className={styles.formatBar} role="toolbar" aria-label={t("formatting")} aria-controls="post-body">
        {(["bold", "italic", "link", "heading"] as const).map((name) => (
          <button key={name} type="button" className={styles.formatButton} title={t(name)} onClick={() => run(name)}>
            <span aria-hidden="true" className={styles[name]}>
              {name === "link" ? <LinkIcon /> : { bold: "B", italic: "I", heading: "H2" }[name]}
            </span>
            <span className="visually-hidden">{t(name)}</span>
          </button>
        ))}
        <label className={styles.formatButton} title={t("imageHint")}>
          {t("insertImage")}
          <input
            type="file"
            className="visually-hidden"
            accept={IMAGE_TYPES.join(",")}
            multiple
            onChange={(event) => {
              void upload(images(event.target.files));
              event.target.value = "";
            }}
          />
        </label>
        <button
          type="button"
          className={`${styles.formatButton} ${styles.focusToggle}`}
          aria-pressed={focusMode}
          onClick={() => onFocusModeChange(!focusMode)}
        >
          {focusMode ? t("focusModeExit") : t("focusMode")}
        </button>
      </div>
      <textarea
        ref={area}
        id="post-body"
        name="bodySource"
        className={styles.body}
        value={value}
        onChange={onChange}
        onKeyDown={onKeyDown}
        onPaste={onPaste}
        onDrop={onDrop}
        maxLength={200_000}
        aria-describedby="post-body-hint post-body-words"
        aria-invalid={errors ? true : undefined}
      />
      <p className={styles.bodyFooter}>
        <span id="post-body-hint" className="field__hint">
          {t("bodyHint")} {t("imageHint")}
        </span>
        <span id="post-body-words" className="meta" data-testid="word-count">
          {t("words", { count: words })}
        </span>
      </p>
      <p role="status" className={uploads.error ? "field__error" : "meta"}>
        {uploads.busy.length ? t("imageUploading", { name: uploads.busy.join(", ") }) : null}
        {uploads.error ? t("imageFailed", { reason: uploads.error }) : null}
      </p>
      {errors ? (
        <p className="field__error">{errors.map((key) => (tAll.has(key) ? tAll(key) : key)).join(" ")}</p>
      ) : null}
    </div>
  );
}
