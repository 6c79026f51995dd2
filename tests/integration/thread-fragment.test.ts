// The shared thread fragment (issue 12, items 2 and 3): the route the page cache keeps and the
// server splices into articles. It is built as an HTML string, so what people typed must come
// out escaped, and only what any visitor may read may be in it.
import assert from "node:assert/strict";
import { after, beforeEach, test } from "node:test";
import { GET as threadRoute } from "@/app/(reader)/[blog]/[post]/thread/route";
import { db, disconnectDb } from "@/lib/db";
import { createBlog, createPost, createUser } from "../factories";
import { resetDb } from "../setup/db";

beforeEach(resetDb);
after(disconnectDb);

async function fragment(blog: string, post: string, query: string) {
  const response = await threadRoute(new Request(`http://tribune.test/${blog}/${post}/thread?${query}`), {
    params: Promise.resolve({ blog, post }),
  });
  return { status: response.status, headers: response.headers, html: await response.text() };
}

test("the thread fragment: what visitors may read, escaped, with whom a far reply answers", async () => {
  const owner = await createUser({ name: "Josée Lavoie", handle: "josee" });
  const sylvain = await createUser({ name: "Sylvain <Dionne>", handle: "sylvain" });
  const blog = await createBlog({ ownerId: owner.id, slug: "carnet" });
  const post = await createPost({ blogId: blog.id, authorId: owner.id, slug: "billet" });
  const at = (minutes: number) => new Date(Date.now() - (100 - minutes) * 60_000);
  const comment = (id: string, data: Record<string, unknown>) =>
    db.comment.create({
      data: { id, postId: post.id, bodySource: id, bodyHtml: `<p>text of ${id}</p>`, ...data },
    });
  await comment("root", { authorId: sylvain.id, createdAt: at(1), likeCount: 0 });
  await comment("first", { parentId: "root", authorId: owner.id, createdAt: at(2), likeCount: 3 });
  await comment("second", {
    parentId: "root",
    guestName: `<img src=x onerror="alert(1)">`,
    guestEmail: "g@example.test",
    guestUrl: "javascript:alert(1)",
    createdAt: at(3),
  });
  await comment("third", {
    parentId: "root",
    guestName: "Visiteur",
    guestEmail: "v@example.test",
    guestUrl: 'https://example.test/"onmouseover="alert(1)',
    createdAt: at(4),
  });
  await comment("held", { authorId: sylvain.id, status: "pending", createdAt: at(5) });
  await comment("spam", { authorId: sylvain.id, status: "spam", createdAt: at(6) });

  const { status, headers, html } = await fragment("carnet", "billet", "page=1&sort=oldest&locale=fr");
  assert.equal(status, 200);
  assert.match(headers.get("content-type") ?? "", /^text\/html/);
  assert.equal(headers.get("x-tribune-comments"), "4");
  // Visitors' view: approved comments only.
  for (const id of ["root", "first", "second", "third"]) assert.match(html, new RegExp(`id="comment-${id}"`));
  assert.doesNotMatch(html, /text of held|text of spam/);
  // People's words are text, never markup.
  assert.match(html, /Sylvain &lt;Dionne&gt;/);
  assert.doesNotMatch(html, /<img src=x/);
  assert.match(html, /&lt;img src=x onerror=&quot;alert\(1\)&quot;&gt; \(invité\)/);
  assert.doesNotMatch(html, /href="javascript:/);
  assert.doesNotMatch(html, /"onmouseover="/);
  assert.match(html, /href="https:\/\/example\.test\/&quot;onmouseover=&quot;alert\(1\)"/);
  // The first reply sits right under the comment it answers; the later ones say whom they answer.
  const label = (id: string) => new RegExp(`id="comment-${id}"[^]*?</header>(<a[^>]*>([^<]*)</a>)`).exec(html)?.[2];
  assert.equal(label("second"), "En réponse à Sylvain &lt;Dionne&gt;");
  assert.equal(label("third"), "En réponse à Sylvain &lt;Dionne&gt;");
  assert.notEqual(label("first"), "En réponse à Sylvain &lt;Dionne&gt;");
  // Likes are counted when there are some, never "0".
  assert.match(html, /data-comment="first"[^]*?<span data-likes>3<\/span>/);
  assert.doesNotMatch(html, /data-likes>0</);
  // Nothing personal: no form of anyone's, no session-dependent control.
  assert.doesNotMatch(html, /\$ACTION_|name="body"|Modifier|Supprimer/);

  // In English, in another order.
  const english = await fragment("carnet", "billet", "page=1&sort=newest&locale=en");
  assert.match(english.html, /In reply to Sylvain &lt;Dionne&gt;/);
});

test("the thread fragment: a bad query is refused clearly, an unpublished article is not found", async () => {
  const owner = await createUser();
  const blog = await createBlog({ ownerId: owner.id, slug: "carnet" });
  await createPost({ blogId: blog.id, authorId: owner.id, slug: "brouillon", status: "draft" });
  await createPost({ blogId: blog.id, authorId: owner.id, slug: "billet" });
  for (const query of [
    "",
    "page=0&sort=oldest&locale=fr",
    "page=1&sort=oldest&locale=de",
    "page=x&sort=oldest&locale=fr",
  ]) {
    const answer = await fragment("carnet", "billet", query);
    assert.equal(answer.status, 400, query);
    assert.match(answer.html, /page, sort and locale/);
  }
  assert.equal((await fragment("carnet", "brouillon", "page=1&sort=oldest&locale=fr")).status, 404);
  assert.equal((await fragment("carnet", "absent", "page=1&sort=oldest&locale=fr")).status, 404);
  // A page past the last leads to the last (the page cache keeps 200s only: no entry per made-up number).
  const past = await fragment("carnet", "billet", "page=2&sort=oldest&locale=fr");
  assert.equal(past.status, 307);
  assert.equal(past.headers.get("location"), "/carnet/billet/thread?page=1&sort=oldest&locale=fr");
  // No comments yet: the invitation to start.
  const empty = await fragment("carnet", "billet", "page=1&sort=oldest&locale=fr");
  assert.equal(empty.status, 200);
  assert.match(empty.html, /Aucun commentaire pour l’instant/);
});
