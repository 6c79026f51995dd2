import "server-only";
import { structuredPatch } from "diff";
import type { Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { requireWritablePost, type Tx } from "./access";
import { publicPostChanged } from "./indexing";
import { isPublic } from "./public";
import { applySave } from "./save-post";

/** Autosave runs every few seconds: one snapshot per this much time keeps history readable. */
const REVISION_GAP_MS = 2 * 60_000;

/**
 * recordRevision: snapshots the post's title and body, unless they equal the last snapshot.
 * Without `force` (autosave) it also waits until the last snapshot is REVISION_GAP_MS old.
 */
export async function recordRevision(
  tx: Tx,
  postId: string,
  editorId: string,
  text: { title: string; bodySource: string },
  force: boolean,
): Promise<void> {
  const last = await tx.postRevision.findFirst({
    where: { postId },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true, title: true, bodySource: true },
  });
  if (last && last.title === text.title && last.bodySource === text.bodySource) return;
  if (!force && last && Date.now() - last.createdAt.getTime() < REVISION_GAP_MS) return;
  await tx.postRevision.create({ data: { postId, editorId, title: text.title, bodySource: text.bodySource } });
}

export type RevisionItem = {
  id: string;
  title: string;
  createdAt: Date;
  editor: { name: string } | null;
  words: number;
};

/** listRevisions: the post's snapshots, newest first (only for those who may edit it). */
export async function listRevisions(actor: Actor, postId: string): Promise<RevisionItem[]> {
  await requireWritablePost(db, actor, postId);
  const rows = await db.postRevision.findMany({
    where: { postId },
    orderBy: { createdAt: "desc" },
    select: { id: true, title: true, createdAt: true, bodySource: true, editor: { select: { name: true } } },
  });
  return rows.map(({ bodySource, ...row }) => ({ ...row, words: bodySource.split(/\s+/).filter(Boolean).length }));
}

type DiffLine = { kind: "context" | "added" | "removed"; text: string };
type DiffHunk = { oldStart: number; oldLines: number; newStart: number; newLines: number; lines: DiffLine[] };
export type RevisionDiff = {
  revision: { id: string; postId: string; title: string; createdAt: Date };
  currentTitle: string;
  titleChanged: boolean;
  hunks: DiffHunk[];
};

async function loadRevision(actor: Actor, revisionId: string) {
  const revision = await db.postRevision.findUnique({
    where: { id: revisionId },
    select: { id: true, postId: true, title: true, bodySource: true, createdAt: true },
  });
  // Same answer for a missing revision and a post the actor may not edit.
  if (!revision) throw new AppError("NOT_FOUND", "errors.notFound");
  const post = await requireWritablePost(db, actor, revision.postId);
  return { revision, post };
}

/** revisionDiff: line hunks turning the revision's body into the current one (old = revision). */
export async function revisionDiff(actor: Actor, revisionId: string): Promise<RevisionDiff> {
  const { revision, post } = await loadRevision(actor, revisionId);
  const patch = structuredPatch(
    "revision",
    "current",
    withNewline(revision.bodySource),
    withNewline(post.bodySource),
    "",
    "",
    {
      context: 3,
    },
  );
  const hunks = patch.hunks.map((hunk) => ({
    oldStart: hunk.oldStart,
    oldLines: hunk.oldLines,
    newStart: hunk.newStart,
    newLines: hunk.newLines,
    lines: hunk.lines
      .filter((line) => !line.startsWith("\\"))
      .map((line): DiffLine => ({
        kind: line[0] === "+" ? "added" : line[0] === "-" ? "removed" : "context",
        text: line.slice(1),
      })),
  }));
  const { bodySource: _body, ...meta } = revision;
  return { revision: meta, currentTitle: post.title, titleChanged: post.title !== revision.title, hunks };
}

const withNewline = (text: string) => (text.endsWith("\n") ? text : `${text}\n`);

/** restoreRevision: snapshots the current text, then puts the revision's title and body back. */
export async function restoreRevision(actor: Actor, revisionId: string): Promise<{ postId: string }> {
  const { revision } = await loadRevision(actor, revisionId);
  const post = await db.$transaction(async (tx) => {
    const current = await requireWritablePost(tx, actor, revision.postId);
    await recordRevision(tx, current.id, actor!.id, current, true);
    return applySave(
      tx,
      actor!,
      current,
      { title: revision.title, bodySource: revision.bodySource },
      { forceRevision: true },
    );
  });
  if (isPublic(post)) await publicPostChanged(post.id, "index");
  return { postId: post.id };
}
