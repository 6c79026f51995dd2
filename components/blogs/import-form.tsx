"use client";

import { useTranslations } from "next-intl";
import { useId, useState, type FormEvent } from "react";

type Counts = { created: number; updated: number; unchanged: number; skipped: number };
type Report = {
  posts: Counts;
  comments: Counts;
  skipped: { item: string; reason: string }[];
  addresses: { clashes: string[] };
  unchanged: boolean;
};
type Phase =
  | { kind: "idle" }
  | { kind: "uploading" | "importing"; percent: number }
  | { kind: "done"; report: Report }
  | { kind: "failed"; message: string };

const MAX_BYTES = 50 * 1024 * 1024;

/**
 * ImportForm: a blog owner's WordPress or Disqus import. The file goes to the import route
 * handler as the request body (streamed to disk there), with the upload's progress; the answer
 * is JSON lines: the import's progress, then its report.
 */
export function ImportForm({ slug }: { slug: string }) {
  const t = useTranslations("blogImport");
  const id = useId();
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return setPhase({ kind: "failed", message: t("noFile") });
    if (file.size > MAX_BYTES) return setPhase({ kind: "failed", message: t("tooLarge") });
    const request = new XMLHttpRequest();
    request.open(
      "POST",
      `/api/import/${encodeURIComponent(slug)}?kind=${form.get("kind") === "disqus" ? "disqus" : "wxr"}`,
    );
    request.setRequestHeader("content-type", "application/xml");
    request.upload.onprogress = (e) =>
      setPhase({ kind: "uploading", percent: e.total ? Math.floor((e.loaded / e.total) * 100) : 0 });
    // The answer arrives line by line while the import runs.
    let read = 0;
    const readLines = () => {
      const text = request.responseText;
      const end = text.lastIndexOf("\n") + 1;
      for (const line of text.slice(read, end).split("\n").filter(Boolean)) {
        const message = JSON.parse(line) as
          | { type: "progress"; bytes: number; total: number }
          | { type: "done"; report: Report }
          | { type: "error"; message: string };
        if (message.type === "progress")
          setPhase({ kind: "importing", percent: Math.floor((message.bytes / message.total) * 100) });
        else if (message.type === "done") setPhase({ kind: "done", report: message.report });
        else setPhase({ kind: "failed", message: message.message });
      }
      read = end;
    };
    request.onprogress = readLines;
    request.onload = () => {
      if (request.status !== 200) {
        let message = request.statusText;
        try {
          message = (JSON.parse(request.responseText) as { message: string }).message;
        } catch {
          // Not JSON: the status text says enough.
        }
        return setPhase({ kind: "failed", message });
      }
      readLines();
    };
    request.onerror = () => setPhase({ kind: "failed", message: request.statusText || "network" });
    setPhase({ kind: "uploading", percent: 0 });
    request.send(file);
  }

  const busy = phase.kind === "uploading" || phase.kind === "importing";
  return (
    <section className="stack" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t("title")}</h2>
      <p>{t("intro")}</p>
      <form className="stack" onSubmit={submit}>
        <div className="field">
          <label htmlFor={`${id}-file`}>{t("file")}</label>
          <input id={`${id}-file`} type="file" name="file" accept=".xml,application/xml,text/xml" required />
        </div>
        <div className="field">
          <label htmlFor={`${id}-kind`}>{t("kind")}</label>
          <select id={`${id}-kind`} name="kind" defaultValue="wxr">
            <option value="wxr">{t("wxr")}</option>
            <option value="disqus">{t("disqus")}</option>
          </select>
        </div>
        <button type="submit" className="button" disabled={busy} aria-disabled={busy}>
          {t("start")}
        </button>
      </form>
      <div role="status" aria-live="polite">
        {busy ? (
          <p>
            <progress max={100} value={phase.percent} />{" "}
            {t(phase.kind === "uploading" ? "uploading" : "importing", { percent: phase.percent })}
          </p>
        ) : null}
        {phase.kind === "done" ? <ImportReport report={phase.report} /> : null}
        {phase.kind === "failed" ? (
          <p className="form-message form-message--error">{t("failed", { message: phase.message })}</p>
        ) : null}
      </div>
    </section>
  );
}

function ImportReport({ report }: { report: Report }) {
  const t = useTranslations("blogImport");
  return (
    <div className="stack">
      <p className="form-message form-message--ok">
        {report.unchanged
          ? t("unchanged")
          : t("done", {
              posts: report.posts.created,
              updatedPosts: report.posts.updated,
              comments: report.comments.created,
              updatedComments: report.comments.updated,
            })}
      </p>
      {report.skipped.length ? (
        <details>
          <summary>{t("skipped", { count: report.skipped.length })}</summary>
          <ul>
            {report.skipped.slice(0, 200).map((skip, index) => (
              <li key={index}>
                {skip.item} — {skip.reason}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {report.addresses.clashes.length ? (
        <details>
          <summary>{t("clashes", { count: report.addresses.clashes.length })}</summary>
          <ul>
            {report.addresses.clashes.slice(0, 200).map((clash, index) => (
              <li key={index}>{clash}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
