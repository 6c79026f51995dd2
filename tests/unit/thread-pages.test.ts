import assert from "node:assert/strict";
import { test } from "node:test";
import { pageHref, pageQuery, shownPages } from "@/components/comments/thread-view";
import { commentPath, commentPathIn } from "@/lib/comments/permalink";

test("thread pages: addresses keep the order and leave page 1 in the default order bare", () => {
  assert.equal(pageHref("/blog/post", "oldest", 1), "/blog/post");
  assert.equal(pageHref("/blog/post", "oldest", 3), "/blog/post?page=3");
  assert.equal(pageHref("/blog/post", "liked", 1), "/blog/post?sort=liked");
  assert.equal(pageHref("/blog/post", "newest", 2), "/blog/post?sort=newest&page=2");
  // The no-JavaScript reply and edit links add their parameter after the page's own.
  assert.equal(pageQuery("oldest", 1), "");
  assert.equal(pageQuery("newest", 4), "sort=newest&page=4&");
});

test("thread pages: the navigation lists the ends and the current page's neighbours, with gaps", () => {
  assert.deepEqual(shownPages(1, 1), [1]);
  assert.deepEqual(shownPages(1, 4), [1, 2, 3, 4]);
  assert.deepEqual(shownPages(1, 40), [1, 2, 3, "gap", 40]);
  assert.deepEqual(shownPages(20, 40), [1, "gap", 18, 19, 20, 21, 22, "gap", 40]);
  assert.deepEqual(shownPages(40, 40), [1, "gap", 38, 39, 40]);
  assert.deepEqual(shownPages(4, 8), [1, 2, 3, 4, 5, 6, "gap", 8]);
});

test("thread pages: a comment's permalink, from slugs or from the article's path", () => {
  assert.equal(commentPath("carnet", "billet", "c1"), "/carnet/billet/c/c1");
  assert.equal(commentPathIn("/carnet/billet", "c1"), "/carnet/billet/c/c1");
});
