import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getFormatter, getTranslations } from "next-intl/server";
import { RevisionDiffView } from "@/components/editor/revision-diff";
import styles from "@/components/editor/diff.module.css";
import { SubmitButton } from "@/components/ui/submit-button";
import { isAppError } from "@/lib/errors";
import { listRevisions, revisionDiff } from "@/lib/posts";
import { restoreRevisionAction } from "../../actions";
import { loadEditorPost } from "../load";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ blog: string; id: string }>; searchParams: Promise<{ rev?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("editor"))("revisionsTitle") };
}

export default async function RevisionsPage({ params, searchParams }: Props) {
  const { blog, id } = await params;
  const { rev } = await searchParams;
  const { viewer, post } = await loadEditorPost(blog, id, `/write/${blog}/posts/${id}/revisions`);
  const [t, format, revisions] = await Promise.all([
    getTranslations("editor"),
    getFormatter(),
    listRevisions(viewer, id),
  ]);
  const selected = rev ?? revisions[0]?.id;
  const diff = selected
    ? await revisionDiff(viewer, selected).catch((error: unknown) => {
        if (isAppError(error) && error.code === "NOT_FOUND") notFound();
        throw error;
      })
    : null;
  if (diff && diff.revision.postId !== post.id) notFound();
  return (
    <div className="stack-lg">
      <p>
        <Link href={`/write/${blog}/posts/${id}`}>{t("backToEditor")}</Link>
      </p>
      <h1>{t("revisionsOf", { title: post.title })}</h1>
      {revisions.length === 0 ? <p>{t("noRevisions")}</p> : null}
      <ol className={styles.list} data-testid="revisions">
        {revisions.map((revision) => (
          <li key={revision.id} className={revision.id === selected ? styles.current : undefined}>
            <Link href={`?rev=${revision.id}`} aria-current={revision.id === selected ? "true" : undefined}>
              {format.dateTime(revision.createdAt, { dateStyle: "medium", timeStyle: "short" })}
            </Link>{" "}
            <span className="meta">
              {revision.title} · {t("words", { count: revision.words })}
              {revision.editor ? ` · ${revision.editor.name}` : ""}
            </span>
          </li>
        ))}
      </ol>
      {diff ? (
        <>
          <RevisionDiffView diff={diff} />
          <form action={restoreRevisionAction.bind(null, blog, diff.revision.id)}>
            <SubmitButton>{t("restoreRevision")}</SubmitButton>
          </form>
        </>
      ) : null}
    </div>
  );
}
