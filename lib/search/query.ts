import "server-only";
import { db, dbProvider } from "@/lib/db";
import { RANK_CANDIDATES, rankedSearch, type RankedRow } from "./ranked";
import type { SearchInput } from "./schemas";
import { buildSnippet } from "./snippet";
import { binder, ftsExpression, tsQueryText } from "./sql";
import { searchLanguage, type QueryTerm } from "./text";

type SearchResult = {
  id: string;
  slug: string;
  title: string;
  blog: { slug: string; name: string };
  publishedAt: Date;
  /** Escaped HTML: the only tags are <mark> around matched words. */
  snippetHtml: string;
  rank: number;
};

export type SearchResults = { total: number; capped: boolean; results: SearchResult[] };

type Row = RankedRow & { id: string; slug: string; title: string; publishedAt: Date | string };

/**
 * The matches due by `now` (in the blog when asked), as FROM/WHERE with bound parameters, in the
 * provider's dialect. Only indexed columns are read here (the index holds published and scheduled,
 * undeleted posts with their blog and date); the page's rows are checked against "Post" after.
 * `score`: lower is better on SQLite (bm25 is negative), higher on PostgreSQL.
 */
function matches(terms: QueryTerm[], blogSlug: string | undefined, now: Date) {
  // SQLite's "?" are positional: values are bound in the order the SQL reads them.
  const { sqlite, params, bind } = binder();
  const expression = bind(sqlite ? ftsExpression(terms) : tsQueryText(terms));
  // CROSS JOIN fixes SQLite's join order so the full-text match drives: left to itself, the
  // planner may walk posts by an index and run the MATCH once per post (100x slower).
  const from = sqlite
    ? `post_search CROSS JOIN post_search_doc d ON d.id = post_search.rowid`
    : `post_search d, to_tsquery('simple', ${expression}) q`;
  let where = `${sqlite ? `post_search MATCH ${expression}` : `d.document @@ q`} AND d.published_at <= ${bind(now)}`;
  if (blogSlug) where += ` AND d.blog_id = (SELECT id FROM "Blog" WHERE slug = ${bind(blogSlug)})`;
  // Title (A, 10) above tags (B, 4) above body (C, 1).
  const score = sqlite ? `bm25(post_search, 10.0, 4.0, 1.0)` : `ts_rank_cd('{0.1, 0.2, 0.4, 1.0}', d.document, q, 1)`;
  return { sqlite, from, where, score, expression, params, bind };
}

async function rankedRows(terms: QueryTerm[], blogSlug: string | undefined, now: Date, limit: number, offset: number) {
  if (dbProvider() === "postgresql") return rankedRowsPg(terms, blogSlug, now, limit, offset);
  const m = matches(terms, blogSlug, now);
  // Ranks ids only, then reads the text of the page's rows (not of every match), re-checking
  // that each is still visible in case the index lags behind an edit. CROSS JOIN: the 20 hits
  // drive, not every visible post.
  const sql = `WITH hits AS (
      SELECT d.post_id AS id, d.id AS rowid, ${m.score} AS score, d.published_at AS at FROM ${m.from} WHERE ${m.where}
      ORDER BY score ASC, at DESC, id LIMIT ${m.bind(limit)} OFFSET ${m.bind(offset)}
    )
    SELECT p.id, p.slug, p.title, p."publishedAt" AS "publishedAt", b.slug AS "blogSlug", b.name AS "blogName",
      b.language AS language, s.plain AS plain, hits.score AS score
    FROM hits CROSS JOIN "Post" p ON p.id = hits.id CROSS JOIN "Blog" b ON b.id = p."blogId"
      CROSS JOIN post_search s ON s.rowid = hits.rowid
    WHERE p.status IN ('published', 'scheduled') AND p."deletedAt" IS NULL AND p."publishedAt" <= ${m.bind(now)}
    ORDER BY hits.score ASC, hits.at DESC, hits.id`;
  return db.$queryRawUnsafe<Row[]>(sql, ...m.params);
}

/**
 * PostgreSQL, in one statement: the newest matches (at most RANK_CANDIDATES, or offset + limit)
 * are the candidates, ranked by ts_rank_cd; their number is the total. Ranking every match of a
 * common word (90,000 of 100,000 posts) read and scored every document: 250 ms and more. The
 * planner finds the candidates either by walking post_search_published_idx newest first and
 * testing each document (common words: it stops after ~1,000 rows), or through the GIN index and
 * a top-N sort (rarer words); reindexAll's ANALYZE gives it the word frequencies to choose.
 * The snippet text (post_search_text) is read for the page's rows only.
 */
async function rankedRowsPg(
  terms: QueryTerm[],
  blogSlug: string | undefined,
  now: Date,
  limit: number,
  offset: number,
) {
  const m = matches(terms, blogSlug, now);
  const candidates = m.bind(Math.max(RANK_CANDIDATES, offset + limit));
  const sql = `WITH candidates AS MATERIALIZED (
      SELECT d.post_id, d.published_at, d.document FROM ${m.from} WHERE ${m.where}
      ORDER BY d.published_at DESC, d.post_id DESC LIMIT ${candidates}
    ), hits AS (
      SELECT d.post_id AS id, ${m.score} AS score, d.published_at AS at
      FROM candidates d, to_tsquery('simple', ${m.expression}) q
      ORDER BY score DESC, at DESC, id LIMIT ${m.bind(limit)} OFFSET ${m.bind(offset)}
    )
    SELECT p.id, p.slug, p.title, p."publishedAt" AS "publishedAt", b.slug AS "blogSlug", b.name AS "blogName",
      b.language AS language, t.plain AS plain, hits.score AS score, (SELECT count(*) FROM candidates) AS total
    FROM hits JOIN "Post" p ON p.id = hits.id JOIN "Blog" b ON b.id = p."blogId"
      JOIN post_search_text t ON t.post_id = hits.id
    WHERE p.status IN ('published', 'scheduled') AND p."deletedAt" IS NULL AND p."publishedAt" <= ${m.bind(now)}
    ORDER BY hits.score DESC, hits.at DESC, hits.id`;
  return db.$queryRawUnsafe<Row[]>(sql, ...m.params);
}

/**
 * searchPosts: published articles matching every word of `q` (accents and case ignored, French
 * and English stems, the last word also as a prefix), best first, with highlighted snippets.
 * Two queries at most, whatever the number of results. Throws AppError INVALID_INPUT
 * (validation.searchQuery) for an empty or over-long query.
 */
export async function searchPosts(input: SearchInput): Promise<SearchResults> {
  return rankedSearch(input, { matches, rankedRows }, (row, terms, rank): SearchResult => ({
    id: row.id,
    slug: row.slug,
    title: row.title,
    blog: { slug: row.blogSlug, name: row.blogName },
    publishedAt: new Date(row.publishedAt),
    snippetHtml: buildSnippet(row.plain, searchLanguage(row.language), terms),
    rank,
  }));
}
