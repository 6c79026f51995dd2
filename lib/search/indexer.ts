import "server-only";
import { db, dbProvider } from "@/lib/db";
import { reindexAllComments } from "./comment-indexer";
import { toPlainText } from "./plain-text";
import { placeholders } from "./sql";
import { searchLanguage, stemTokens } from "./text";

const CHUNK = 500;
const INDEXED_STATUSES = ["published", "scheduled"];

type Document = {
  postId: string;
  blogId: string;
  publishedAt: Date;
  title: string;
  tags: string;
  body: string;
  plain: string;
};

const sourceSelect = {
  id: true,
  title: true,
  bodySource: true,
  blogId: true,
  status: true,
  publishedAt: true,
  deletedAt: true,
  blog: { select: { language: true } },
  tags: { select: { tag: { select: { name: true } } } },
} as const;

type Source = {
  id: string;
  blogId: string;
  title: string;
  bodySource: string;
  status: string;
  publishedAt: Date | null;
  deletedAt: Date | null;
  blog: { language: string };
  tags: { tag: { name: string } }[];
};

/** Drafts and deleted posts stay out of the index; scheduled ones go in (the date is checked per query). */
function isIndexable(post: Source): post is Source & { publishedAt: Date } {
  return INDEXED_STATUSES.includes(post.status) && post.deletedAt === null && post.publishedAt !== null;
}

function documentOf(post: Source & { publishedAt: Date }): Document {
  const language = searchLanguage(post.blog.language);
  const plain = toPlainText(post.bodySource);
  return {
    postId: post.id,
    blogId: post.blogId,
    publishedAt: post.publishedAt,
    title: stemTokens(post.title, language).join(" "),
    tags: stemTokens(post.tags.map((t) => t.tag.name).join(" "), language).join(" "),
    body: stemTokens(plain, language).join(" "),
    plain,
  };
}

async function upsertDocuments(docs: Document[]): Promise<void> {
  const p = placeholders(docs.length * 6);
  const rows = docs.map((_, i) => p.slice(i * 6, i * 6 + 6));
  if (dbProvider() === "sqlite") {
    const ids = docs.map((d) => d.postId);
    const texts = docs.flatMap((d) => [d.postId, d.title, d.tags, d.body, d.plain]);
    // Replace, in one transaction: the delete trigger takes the old FTS rows out, and the FTS
    // rows take the rowid of their new post_search_doc row.
    await db.$transaction([
      db.$executeRawUnsafe(
        `DELETE FROM post_search_doc WHERE post_id IN (${placeholders(ids.length).join(", ")})`,
        ...ids,
      ),
      db.$executeRawUnsafe(
        `INSERT INTO post_search_doc (post_id, blog_id, published_at) VALUES ${rows.map((r) => `(${r.slice(0, 3).join(", ")})`).join(", ")}`,
        ...docs.flatMap((d) => [d.postId, d.blogId, d.publishedAt]),
      ),
      db.$executeRawUnsafe(
        `INSERT INTO post_search (rowid, title, tags, body, plain)
         SELECT d.id, v.column2, v.column3, v.column4, v.column5
         FROM (VALUES ${docs.map(() => "(?, ?, ?, ?, ?)").join(", ")}) v JOIN post_search_doc d ON d.post_id = v.column1`,
        ...texts,
      ),
    ]);
    return;
  }
  // The ranked rows and their snippet text, in one transaction (post_search_text follows post_search).
  const tuples = rows.map(
    ([id, blogId, publishedAt, title, tags, body]) =>
      `(${id}, ${blogId}, ${publishedAt}, setweight(to_tsvector('simple', ${title}), 'A') || setweight(to_tsvector('simple', ${tags}), 'B') || setweight(to_tsvector('simple', ${body}), 'C'))`,
  );
  const textSlots = placeholders(docs.length * 2);
  await db.$transaction([
    db.$executeRawUnsafe(
      `INSERT INTO post_search (post_id, blog_id, published_at, document) VALUES ${tuples.join(", ")}
       ON CONFLICT (post_id) DO UPDATE SET blog_id = EXCLUDED.blog_id, published_at = EXCLUDED.published_at,
         document = EXCLUDED.document`,
      ...docs.flatMap((d) => [d.postId, d.blogId, d.publishedAt, d.title, d.tags, d.body]),
    ),
    db.$executeRawUnsafe(
      `INSERT INTO post_search_text (post_id, plain) VALUES ${docs.map((_, i) => `(${textSlots[i * 2]}, ${textSlots[i * 2 + 1]})`).join(", ")}
       ON CONFLICT (post_id) DO UPDATE SET plain = EXCLUDED.plain`,
      ...docs.flatMap((d) => [d.postId, d.plain]),
    ),
  ]);
}

async function deleteDocuments(postIds: string[]): Promise<void> {
  const table = dbProvider() === "sqlite" ? "post_search_doc" : "post_search";
  await db.$executeRawUnsafe(
    `DELETE FROM ${table} WHERE post_id IN (${placeholders(postIds.length).join(", ")})`,
    ...postIds,
  );
}

/** reindexPosts: brings the index up to date for these posts (indexed, updated or removed), in batches. */
export async function reindexPosts(postIds: readonly string[]): Promise<void> {
  const ids = [...new Set(postIds)];
  for (let i = 0; i < ids.length; i += CHUNK) {
    const chunk = ids.slice(i, i + CHUNK);
    const posts = await db.post.findMany({ where: { id: { in: chunk } }, select: sourceSelect });
    const indexable = posts.filter(isIndexable);
    const kept = new Set(indexable.map((p) => p.id));
    const gone = chunk.filter((id) => !kept.has(id));
    if (gone.length) await deleteDocuments(gone);
    if (indexable.length) await upsertDocuments(indexable.map(documentOf));
  }
}

/** indexPost: indexes one post as it now is (removes it if it is a draft or deleted). */
export async function indexPost(postId: string): Promise<void> {
  await reindexPosts([postId]);
}

/** removeFromIndex: takes a post out of search results at once. */
export async function removeFromIndex(postId: string): Promise<void> {
  await deleteDocuments([postId]);
}

/** reindexAll: rebuilds the whole index from the posts, then the comments'; returns how many posts it indexed. */
export async function reindexAll(): Promise<number> {
  const table = dbProvider() === "sqlite" ? "post_search_doc" : "post_search";
  await db.$executeRawUnsafe(
    `DELETE FROM ${table} WHERE post_id NOT IN
       (SELECT id FROM "Post" WHERE status IN ('published', 'scheduled') AND "deletedAt" IS NULL AND "publishedAt" IS NOT NULL)`,
  );
  const posts = await db.post.findMany({
    where: { status: { in: INDEXED_STATUSES }, deletedAt: null, publishedAt: { not: null } },
    select: { id: true },
    orderBy: { id: "asc" },
  });
  await reindexPosts(posts.map((p) => p.id));
  // Fresh statistics: the planner's choice between the GIN index and the date index (see query.ts)
  // rests on how common each word is, and a bulk rebuild would otherwise wait for autovacuum.
  if (dbProvider() === "postgresql") await db.$executeRawUnsafe("ANALYZE post_search");
  await reindexAllComments();
  return posts.length;
}
