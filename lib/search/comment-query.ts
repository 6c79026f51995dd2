import "server-only";
import { db } from "@/lib/db";
import { RANK_CANDIDATES, rankedSearch, type RankedRow } from "./ranked";
import type { SearchInput } from "./schemas";
import { buildSnippet } from "./snippet";
import { binder, ftsExpression, tsQueryText } from "./sql";
import { searchLanguage, type QueryTerm } from "./text";

type CommentSearchResult = {
  id: string;
  post: { slug: string; title: string };
  blog: { slug: string; name: string };
  /** The author's display name or the guest's; null when the account was deleted. */
  author: string | null;
  createdAt: Date;
  /** Escaped HTML: the only tags are <mark> around matched words. */
  snippetHtml: string;
  rank: number;
};

export type CommentSearchResults = { total: number; capped: boolean; results: CommentSearchResult[] };

type Row = RankedRow & {
  id: string;
  createdAt: Date | string;
  authorName: string | null;
  guestName: string | null;
  postSlug: string;
  postTitle: string;
};

/**
 * The matches anonymous readers may see, as FROM/WHERE with bound parameters: approved comments
 * (checked against "Comment", not only the index) on public articles (published, or scheduled
 * and due; not deleted), in the blog when asked. `score`: lower is better on SQLite (bm25).
 */
function matches(terms: QueryTerm[], blogSlug: string | undefined, now: Date) {
  const { sqlite, params, bind } = binder();
  const expression = bind(sqlite ? ftsExpression(terms) : tsQueryText(terms));
  // CROSS JOIN fixes SQLite's join order so the full-text match drives (see query.ts).
  const from = sqlite
    ? `comment_search CROSS JOIN comment_search_doc d ON d.id = comment_search.rowid
       CROSS JOIN "Comment" c ON c.id = d.comment_id CROSS JOIN "Post" p ON p.id = c."postId"`
    : `comment_search d JOIN "Comment" c ON c.id = d.comment_id JOIN "Post" p ON p.id = c."postId",
       to_tsquery('simple', ${expression}) q`;
  let where = `${sqlite ? `comment_search MATCH ${expression}` : `d.document @@ q`} AND c.status = 'approved'
    AND p.status IN ('published', 'scheduled') AND p."deletedAt" IS NULL AND p."publishedAt" <= ${bind(now)}`;
  if (blogSlug) where += ` AND d.blog_id = (SELECT id FROM "Blog" WHERE slug = ${bind(blogSlug)})`;
  const score = sqlite ? `bm25(comment_search)` : `ts_rank_cd(d.document, q, 1)`;
  return { sqlite, from, where, score, expression, params, bind };
}

// What a result shows, read for the page's rows only (hits: id, score, at; text: the snippet's).
const RESULT_COLUMNS = `c.id, c."createdAt" AS "createdAt", u.name AS "authorName", c."guestName" AS "guestName",
  p.slug AS "postSlug", p.title AS "postTitle", b.slug AS "blogSlug", b.name AS "blogName", b.language AS language`;

async function rankedRows(terms: QueryTerm[], blogSlug: string | undefined, now: Date, limit: number, offset: number) {
  const m = matches(terms, blogSlug, now);
  if (m.sqlite) {
    const sql = `WITH hits AS (
        SELECT d.comment_id AS id, d.id AS rowid, ${m.score} AS score, d.created_at AS at FROM ${m.from} WHERE ${m.where}
        ORDER BY score ASC, at DESC, id LIMIT ${m.bind(limit)} OFFSET ${m.bind(offset)}
      )
      SELECT ${RESULT_COLUMNS}, s.plain AS plain, hits.score AS score
      FROM hits CROSS JOIN "Comment" c ON c.id = hits.id CROSS JOIN "Post" p ON p.id = c."postId"
        CROSS JOIN "Blog" b ON b.id = p."blogId" CROSS JOIN comment_search s ON s.rowid = hits.rowid
        LEFT JOIN "User" u ON u.id = c."authorId"
      ORDER BY hits.score ASC, hits.at DESC, hits.id`;
    return db.$queryRawUnsafe<Row[]>(sql, ...m.params);
  }
  const candidates = m.bind(Math.max(RANK_CANDIDATES, offset + limit));
  const sql = `WITH candidates AS MATERIALIZED (
      SELECT d.comment_id, d.created_at, d.document FROM ${m.from} WHERE ${m.where}
      ORDER BY d.created_at DESC, d.comment_id DESC LIMIT ${candidates}
    ), hits AS (
      SELECT d.comment_id AS id, ${m.score} AS score, d.created_at AS at
      FROM candidates d, to_tsquery('simple', ${m.expression}) q
      ORDER BY score DESC, at DESC, id LIMIT ${m.bind(limit)} OFFSET ${m.bind(offset)}
    )
    SELECT ${RESULT_COLUMNS}, t.plain AS plain, hits.score AS score, (SELECT count(*) FROM candidates) AS total
    FROM hits JOIN "Comment" c ON c.id = hits.id JOIN "Post" p ON p.id = c."postId" JOIN "Blog" b ON b.id = p."blogId"
      JOIN comment_search_text t ON t.comment_id = hits.id LEFT JOIN "User" u ON u.id = c."authorId"
    ORDER BY hits.score DESC, hits.at DESC, hits.id`;
  return db.$queryRawUnsafe<Row[]>(sql, ...m.params);
}

/**
 * searchComments: approved comments on public articles matching every word of `q` (the same
 * words, stems and prefix rule as searchPosts), best first, with highlighted snippets, the
 * article and the author. Two queries at most. Throws AppError INVALID_INPUT
 * (validation.searchQuery) for an empty or over-long query.
 */
export async function searchComments(input: SearchInput): Promise<CommentSearchResults> {
  return rankedSearch(input, { matches, rankedRows }, (row, terms, rank): CommentSearchResult => ({
    id: row.id,
    post: { slug: row.postSlug, title: row.postTitle },
    blog: { slug: row.blogSlug, name: row.blogName },
    author: row.authorName ?? row.guestName ?? null,
    createdAt: new Date(row.createdAt),
    snippetHtml: buildSnippet(row.plain, searchLanguage(row.language), terms),
    rank,
  }));
}
