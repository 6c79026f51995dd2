// SQL pieces both indexes (articles, comments) share: the query expression in each dialect and
// bound-parameter placeholders.
import { dbProvider } from "@/lib/db";
import type { QueryTerm } from "./text";

// Tokens are folded letters and digits only (see text.ts), so quoting them cannot break out of
// the expression; the expression itself is still sent as a bound parameter.
/** ftsExpression: SQLite FTS5 MATCH text for the terms (every term, any of its stems). */
export function ftsExpression(terms: QueryTerm[]): string {
  return terms.map((t) => `(${t.alternatives.map((a) => `"${a}"${t.prefix ? "*" : ""}`).join(" OR ")})`).join(" AND ");
}

/** tsQueryText: the same as PostgreSQL to_tsquery text. */
export function tsQueryText(terms: QueryTerm[]): string {
  return terms.map((t) => `(${t.alternatives.map((a) => `'${a}'${t.prefix ? ":*" : ""}`).join(" | ")})`).join(" & ");
}

/** `?, ?, …` (SQLite) or `$1, $2, …` (PostgreSQL) for `count` parameters, starting at `from`. */
export function placeholders(count: number, from = 1): string[] {
  const sqlite = dbProvider() === "sqlite";
  return Array.from({ length: count }, (_, i) => (sqlite ? "?" : `$${from + i}`));
}

/** binder: a bind(value) that returns the placeholder of the value it appends to `params`, in order. */
export function binder() {
  const sqlite = dbProvider() === "sqlite";
  const params: unknown[] = [];
  const bind = (value: unknown) => {
    params.push(value);
    return sqlite ? "?" : `$${params.length}`;
  };
  return { sqlite, params, bind };
}
