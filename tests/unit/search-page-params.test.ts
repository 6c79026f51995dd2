// The search page's URL (issue 15, item 7): a hand-edited or stale URL never breaks the page, and
// a query's work is bounded (length, number of terms).
import assert from "node:assert/strict";
import { test } from "node:test";
import { parseQuery, SearchInputSchema, SearchPageSchema } from "@/lib/search";

test("search page: type is all, articles or comments; anything else is all; offset is a bounded whole number", () => {
  assert.deepEqual(SearchPageSchema.parse({}), { q: "", type: "all", offset: 0 });
  assert.deepEqual(SearchPageSchema.parse({ q: "golf", type: "comments", offset: "20", blog: "carnet" }), {
    q: "golf",
    type: "comments",
    offset: 20,
    blog: "carnet",
  });
  for (const type of ["", "COMMENTS", "posts", "<script>", ["x", "comments"]])
    assert.equal(SearchPageSchema.parse({ type }).type, "all", String(type));
  assert.equal(SearchPageSchema.parse({ type: ["articles", "comments"] }).type, "articles");
  for (const offset of ["-5", "abc", "1.5", "99999999", "1e9"])
    assert.equal(SearchPageSchema.parse({ offset }).offset, 0, offset);
  assert.equal(SearchPageSchema.parse({ q: ["a", "b"] }).q, "a");
});

test("search page: an over-long query stays over-long (the page says so) without keeping megabytes", () => {
  const { q } = SearchPageSchema.parse({ q: "x".repeat(100_000) });
  assert.equal(q.length, 201);
  assert.equal(SearchInputSchema.safeParse({ q }).success, false);
});

test("search query: at most 8 terms, whatever the number of words", () => {
  const words = Array.from({ length: 40 }, (_, i) => `mot${i}x`).join(" ");
  assert.equal(parseQuery(words).length, 8);
});
