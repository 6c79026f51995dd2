import "server-only";
import { db, dbProvider } from "@/lib/db";
import { toPlainText } from "./plain-text";
import { placeholders } from "./sql";
import { searchLanguage, stemTokens } from "./text";

// The comment index holds approved comments only (what readers may see of a discussion, provided
// the article is public: every query checks that, and the status again, so a lagging index never
// shows a held or removed comment). Its rows are derived from "Comment": any write that changes a
// comment's text or status calls commentsChanged afterwards, and the next start indexes whatever
// approved comment is missing (indexMissingComments).

const CHUNK = 500;

type Document = { commentId: string; blogId: string; createdAt: Date; body: string; plain: string };

const sourceSelect = {
  id: true,
  status: true,
  bodySource: true,
  createdAt: true,
  post: { select: { blogId: true, blog: { select: { language: true } } } },
} as const;

type Source = {
  id: string;
  status: string;
  bodySource: string;
  createdAt: Date;
  post: { blogId: string; blog: { language: string } };
};

function documentOf(comment: Source): Document {
  const plain = toPlainText(comment.bodySource);
  return {
    commentId: comment.id,
    blogId: comment.post.blogId,
    createdAt: comment.createdAt,
    body: stemTokens(plain, searchLanguage(comment.post.blog.language)).join(" "),
    plain,
  };
}

async function upsertDocuments(docs: Document[]): Promise<void> {
  const ids = docs.map((d) => d.commentId);
  if (dbProvider() === "sqlite") {
    const p = placeholders(docs.length * 3);
    // Replace, in one transaction: the delete trigger takes the old FTS rows out, and the FTS
    // rows take the rowid of their new comment_search_doc row.
    await db.$transaction([
      db.$executeRawUnsafe(
        `DELETE FROM comment_search_doc WHERE comment_id IN (${placeholders(ids.length).join(", ")})`,
        ...ids,
      ),
      db.$executeRawUnsafe(
        `INSERT INTO comment_search_doc (comment_id, blog_id, created_at) VALUES ${docs.map((_, i) => `(${p.slice(i * 3, i * 3 + 3).join(", ")})`).join(", ")}`,
        ...docs.flatMap((d) => [d.commentId, d.blogId, d.createdAt]),
      ),
      db.$executeRawUnsafe(
        `INSERT INTO comment_search (rowid, body, plain)
         SELECT d.id, v.column2, v.column3
         FROM (VALUES ${docs.map(() => "(?, ?, ?)").join(", ")}) v JOIN comment_search_doc d ON d.comment_id = v.column1`,
        ...docs.flatMap((d) => [d.commentId, d.body, d.plain]),
      ),
    ]);
    return;
  }
  const p = placeholders(docs.length * 4);
  const tuples = docs.map((_, i) => {
    const [id, blogId, createdAt, body] = p.slice(i * 4, i * 4 + 4);
    return `(${id}, ${blogId}, ${createdAt}, to_tsvector('simple', ${body}))`;
  });
  const textSlots = placeholders(docs.length * 2);
  await db.$transaction([
    db.$executeRawUnsafe(
      `INSERT INTO comment_search (comment_id, blog_id, created_at, document) VALUES ${tuples.join(", ")}
       ON CONFLICT (comment_id) DO UPDATE SET blog_id = EXCLUDED.blog_id, created_at = EXCLUDED.created_at,
         document = EXCLUDED.document`,
      ...docs.flatMap((d) => [d.commentId, d.blogId, d.createdAt, d.body]),
    ),
    db.$executeRawUnsafe(
      `INSERT INTO comment_search_text (comment_id, plain) VALUES ${docs.map((_, i) => `(${textSlots[i * 2]}, ${textSlots[i * 2 + 1]})`).join(", ")}
       ON CONFLICT (comment_id) DO UPDATE SET plain = EXCLUDED.plain`,
      ...docs.flatMap((d) => [d.commentId, d.plain]),
    ),
  ]);
}

const docTable = () => (dbProvider() === "sqlite" ? "comment_search_doc" : "comment_search");

async function deleteDocuments(commentIds: string[]): Promise<void> {
  await db.$executeRawUnsafe(
    `DELETE FROM ${docTable()} WHERE comment_id IN (${placeholders(commentIds.length).join(", ")})`,
    ...commentIds,
  );
}

/** reindexComments: brings the index up to date for these comments (approved: in, as written; else out), in batches. */
export async function reindexComments(commentIds: readonly string[]): Promise<void> {
  const ids = [...new Set(commentIds)];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const comments = await db.comment.findMany({ where: { id: { in: chunk } }, select: sourceSelect });
    const approved = comments.filter((c) => c.status === "approved");
    const kept = new Set(approved.map((c) => c.id));
    const gone = chunk.filter((id) => !kept.has(id));
    if (gone.length) await deleteDocuments(gone);
    if (approved.length) await upsertDocuments(approved.map(documentOf));
  }
}

/**
 * commentsChanged: after a committed write that changed these comments' text or status (created,
 * edited, moderated, deleted, imported). The comment is already saved: a failure to index is
 * logged, not reported as a failed save (the next start indexes what is missing).
 */
export async function commentsChanged(commentIds: readonly string[]): Promise<void> {
  if (!commentIds.length) return;
  try {
    await reindexComments(commentIds);
  } catch (error) {
    console.error(`[search] indexing ${commentIds.length} comment(s) failed:`, error);
  }
}

/**
 * indexMissingComments: indexes the approved comments the index lacks (those that existed before
 * comment search, or whose indexing failed) and drops rows of comments no longer approved.
 * Nothing to do costs two queries. Returns how many comments it indexed.
 */
export async function indexMissingComments(): Promise<number> {
  const table = docTable();
  await db.$executeRawUnsafe(
    `DELETE FROM ${table} WHERE comment_id IN (SELECT id FROM "Comment" WHERE status <> 'approved')`,
  );
  let indexed = 0;
  for (;;) {
    const rows = await db.$queryRawUnsafe<{ id: string }[]>(
      `SELECT c.id FROM "Comment" c WHERE c.status = 'approved'
         AND NOT EXISTS (SELECT 1 FROM ${table} d WHERE d.comment_id = c.id) LIMIT ${CHUNK}`,
    );
    if (!rows.length) return indexed;
    await reindexComments(rows.map((r) => r.id));
    indexed += rows.length;
  }
}

/** reindexAllComments: rebuilds the whole comment index from the comments; returns how many it indexed. */
export async function reindexAllComments(): Promise<number> {
  await db.$executeRawUnsafe(`DELETE FROM ${docTable()}`);
  const indexed = await indexMissingComments();
  if (dbProvider() === "postgresql") await db.$executeRawUnsafe("ANALYZE comment_search");
  return indexed;
}
