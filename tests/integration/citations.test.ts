// "Cité par" (issue 13, item 4): citations between blogs of this instance carry the sentence
// around the link, count links to an article's old addresses, and follow the citing article.
import assert from "node:assert/strict";
import { after, beforeEach, test } from "node:test";
import { db, disconnectDb } from "@/lib/db";
import { noticePostCitations, syncPostLinks } from "@/lib/links";
import { flushNotificationMail, listNotifications } from "@/lib/notifications";
import { getPublicPost } from "@/lib/posts";
import { createBlog, createPost, createUser } from "../factories";
import { resetDb } from "../setup/db";

beforeEach(() => resetDb());
after(async () => {
  await flushNotificationMail();
  await disconnectDb();
});

test("a citation shows its sentence, old addresses count, an unpublished or edited-out link disappears", async () => {
  const josee = await createUser({ name: "Josée Lavoie" });
  const sylvain = await createUser({ name: "Sylvain Dionne" });
  const carnet = await createBlog({ slug: "carnet", ownerId: josee.id, name: "Le carnet" });
  const hebdo = await createBlog({ slug: "hebdo-renomme", ownerId: sylvain.id, name: "L’hebdo" });
  await db.blogSlugAlias.create({ data: { slug: "hebdo", blogId: hebdo.id } });
  const cited = await createPost({ blogId: hebdo.id, authorId: sylvain.id, slug: "nouveau-titre" });
  await db.postSlugAlias.create({ data: { blogId: hebdo.id, slug: "ancien-titre", postId: cited.id } });
  const citing = await createPost({ blogId: carnet.id, authorId: josee.id, slug: "reponse", title: "Ma réponse" });

  // Written with the blog's and the article's old addresses.
  const link = "/hebdo/ancien-titre";
  const html = `<p>Bonjour. Je réponds à <a href="${link}">Sylvain</a>, qui a raison sur un point. Le reste suit.</p>`;
  await syncPostLinks(db, citing.id, [link], html);
  let article = await getPublicPost(hebdo.id, "nouveau-titre");
  assert.deepEqual(article?.citedBy, [
    {
      slug: "reponse",
      title: "Ma réponse",
      blog: { slug: "carnet", name: "Le carnet" },
      author: { name: "Josée Lavoie" },
      context: "Je réponds à Sylvain, qui a raison sur un point.",
    },
  ]);

  await db.post.update({ where: { id: citing.id }, data: { status: "draft", publishedAt: null } });
  assert.deepEqual((await getPublicPost(hebdo.id, "nouveau-titre"))?.citedBy, [], "a draft cites nobody");
  await db.post.update({
    where: { id: citing.id },
    data: { status: "published", publishedAt: new Date(Date.now() - 1000) },
  });
  assert.equal((await getPublicPost(hebdo.id, "nouveau-titre"))?.citedBy.length, 1);

  await syncPostLinks(db, citing.id, [], "<p>Plus de lien.</p>");
  article = await getPublicPost(hebdo.id, "nouveau-titre");
  assert.deepEqual(article?.citedBy, []);
});

test("the cited author hears of a citation once per citing article, with the sentence, in the app", async () => {
  const josee = await createUser({ name: "Josée Lavoie" });
  const sylvain = await createUser({ name: "Sylvain Dionne" });
  const carnet = await createBlog({ slug: "carnet", ownerId: josee.id });
  const hebdo = await createBlog({ slug: "hebdo", ownerId: sylvain.id });
  await createPost({ blogId: hebdo.id, authorId: sylvain.id, slug: "premier", title: "Le premier" });
  const own = await createPost({ blogId: hebdo.id, authorId: sylvain.id, slug: "suite" });
  const citing = await createPost({ blogId: carnet.id, authorId: josee.id, slug: "reponse" });
  await syncPostLinks(db, citing.id, ["/hebdo/premier"], `<p>Voir <a href="/hebdo/premier">Sylvain</a>.</p>`);
  await syncPostLinks(db, own.id, ["/hebdo/premier"], `<p>Suite du <a href="/hebdo/premier">premier</a>.</p>`);
  await noticePostCitations(citing.id);
  await noticePostCitations(citing.id);
  await noticePostCitations(own.id);
  const { items } = await listNotifications(sylvain);
  assert.deepEqual(
    items.map((n) => [n.kind, n.actor?.name, n.post?.title, n.href]),
    [["citation", "Josée Lavoie", "Le premier", "http://localhost:3999/carnet/reponse"]],
    "once, and never for citing oneself",
  );
});
