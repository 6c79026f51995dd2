import "server-only";
import { db, dbProvider } from "@/lib/db";
import { parseSearchInput, type SearchInput } from "./schemas";
import { parseQuery, type QueryTerm } from "./text";

/** Counting stops here: past it, the page says "1,000+" (counting every match of a common word is slow). */
const SEARCH_TOTAL_CAP = 1000;

/**
 * PostgreSQL ranks at most this many matches (or offset + limit, when more): the newest ones. Below
 * it the ranking is exact; above it (a common word), the best of the newest 1,001 matches come
 * first, so a query costs about the same whatever the number of matches.
 */
export const RANK_CANDIDATES = SEARCH_TOTAL_CAP + 1;

/** The matches of a query, as FROM/WHERE with their bound parameters (see query.ts, comment-query.ts). */
type Matches = { from: string; where: string; params: unknown[]; bind: (value: unknown) => string };
/**
 * What every ranked row has: its blog, its language and plain text (for the snippet), `score`
 * (lower is better on SQLite, higher on PostgreSQL) and, on PostgreSQL, the count of all matches.
 */
export type RankedRow = {
  blogSlug: string;
  blogName: string;
  language: string;
  plain: string;
  score: number;
  total?: number | bigint;
};

/** What one kind of document (articles, comments) is searched by. */
export type SearchKind<Row extends RankedRow> = {
  matches: (terms: QueryTerm[], blogSlug: string | undefined, now: Date) => Matches;
  rankedRows: (
    terms: QueryTerm[],
    blogSlug: string | undefined,
    now: Date,
    limit: number,
    offset: number,
  ) => Promise<Row[]>;
};

async function countMatches({ from, where, params, bind }: Matches): Promise<number> {
  const sql = `SELECT count(*) AS n FROM (SELECT 1 FROM ${from} WHERE ${where} LIMIT ${bind(SEARCH_TOTAL_CAP + 1)}) capped`;
  const [row] = await db.$queryRawUnsafe<{ n: number | bigint }[]>(sql, ...params);
  return Number(row?.n ?? 0);
}

/**
 * rankedSearch: one page of `kind`'s documents matching every word of the query, best first, and
 * how many match (capped at 1,000): counted in the ranking statement on PostgreSQL, from the page
 * itself when it tells (a short page), else by one more query. Two queries at most. `present`
 * turns a row into a result, with its rank (higher is better on both databases). Throws AppError
 * INVALID_INPUT (validation.searchQuery) for an empty or over-long query.
 */
export async function rankedSearch<Row extends RankedRow, Result>(
  input: SearchInput,
  kind: SearchKind<Row>,
  present: (row: Row, terms: QueryTerm[], rank: number) => Result,
): Promise<{ total: number; capped: boolean; results: Result[] }> {
  const { q, blogSlug, limit, offset } = parseSearchInput(input);
  const terms = parseQuery(q);
  if (!terms.length) return { total: 0, capped: false, results: [] };
  const now = new Date();
  const rows = await kind.rankedRows(terms, blogSlug, now, limit, offset);
  const counted = rows.length < limit && (rows.length > 0 || offset === 0);
  const total = rows[0]?.total; // PostgreSQL counts in the same statement
  const found =
    total !== undefined
      ? Number(total)
      : counted
        ? offset + rows.length
        : await countMatches(kind.matches(terms, blogSlug, now));
  const sqlite = dbProvider() === "sqlite";
  return {
    total: Math.min(found, SEARCH_TOTAL_CAP),
    capped: found > SEARCH_TOTAL_CAP,
    results: rows.map((row) => present(row, terms, sqlite ? -Number(row.score) : Number(row.score))),
  };
}
