import assert from "node:assert/strict";
import { after, beforeEach, test } from "node:test";
import { GET as getBlog } from "@/app/api/v1/blogs/[blog]/route";
import { GET as listPosts, POST as createPost } from "@/app/api/v1/blogs/[blog]/posts/route";
import { GET as getPost } from "@/app/api/v1/blogs/[blog]/posts/[slug]/route";
import { GET as listBlogs } from "@/app/api/v1/blogs/route";
import { GET as openApi } from "@/app/api/v1/openapi.json/route";
import { PATCH as updatePost } from "@/app/api/v1/posts/[id]/route";
import { createApiToken } from "@/lib/auth";
import { db, disconnectDb } from "@/lib/db";
import { createBlog, createPost as createPostRow, createUser } from "../factories";
import { resetDb } from "../setup/db";

const BASE = "http://localhost:3999/api/v1";
type Json = Record<string, unknown> & { posts?: { slug: string; status: string }[] };

function call(token: string | null, method = "GET", body?: unknown): RequestInit {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  return {
    method,
    headers,
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  };
}
const ctx = <T extends object>(params: T) => ({ params: Promise.resolve(params) });
async function json(response: Response): Promise<{ status: number; body: Json }> {
  return { status: response.status, body: (await response.json()) as Json };
}

async function world() {
  const [owner, author, outsider] = await Promise.all([
    createUser({ handle: "owner" }),
    createUser({ handle: "author" }),
    createUser({ handle: "outsider" }),
  ]);
  const blog = await createBlog({ ownerId: owner.id, slug: "carnet" });
  await db.membership.create({ data: { blogId: blog.id, userId: author.id, role: "author" } });
  await createPostRow({ blogId: blog.id, authorId: author.id, slug: "public-one" });
  await createPostRow({ blogId: blog.id, authorId: author.id, slug: "a-draft", status: "draft" });
  await createPostRow({
    blogId: blog.id,
    authorId: owner.id,
    slug: "later",
    status: "scheduled",
    publishedAt: new Date(Date.now() + 3600_000),
  });
  const tokens = {
    owner: (await createApiToken(owner.id, "t")).token,
    author: (await createApiToken(author.id, "t")).token,
    outsider: (await createApiToken(outsider.id, "t")).token,
  };
  return { blog, tokens };
}

const list = async (token: string | null, query = "") =>
  json(await listPosts(new Request(`${BASE}/blogs/carnet/posts${query}`, call(token)), ctx({ blog: "carnet" })));
const slugs = (body: Json) => body.posts!.map((p) => p.slug).sort();

beforeEach(resetDb);
after(disconnectDb);

test("api v1: anonymous clients see blogs and published posts only", async () => {
  await world();
  const blogs = await json(await listBlogs(new Request(`${BASE}/blogs`)));
  assert.equal(blogs.status, 200);
  assert.deepEqual(blogs.body, {
    blogs: [
      {
        id: (blogs.body.blogs as { id: string }[])[0]!.id,
        slug: "carnet",
        url: "/carnet",
        name: "Blog carnet",
        tagline: null,
        description: null,
        language: "en",
        postCount: 1,
      },
    ],
  });
  assert.equal(
    (await json(await getBlog(new Request(`${BASE}/blogs/carnet`), ctx({ blog: "carnet" })))).body.postCount,
    1,
  );
  assert.equal((await getBlog(new Request(`${BASE}/blogs/nowhere`), ctx({ blog: "nowhere" }))).status, 404);
  assert.deepEqual(slugs((await list(null)).body), ["public-one"]);
  assert.deepEqual(slugs((await list(null, "?status=draft")).body), []);
  assert.deepEqual(slugs((await list(null, "?status=all")).body), ["public-one"]);
  const one = await json(
    await getPost(new Request(`${BASE}/blogs/carnet/posts/public-one`), ctx({ blog: "carnet", slug: "public-one" })),
  );
  assert.equal(one.status, 200);
  assert.equal(one.body.bodyMarkdown, undefined, "the source is for editors only");
  assert.match(String(one.body.bodyHtml), /<em>markdown<\/em>/);
  for (const slug of ["a-draft", "later"]) {
    assert.equal(
      (await getPost(new Request(`${BASE}/blogs/carnet/posts/${slug}`), ctx({ blog: "carnet", slug }))).status,
      404,
    );
  }
  assert.equal((await list(null, "?page=0")).status, 400);
});

test("api v1: tokens of members add the drafts they may edit", async () => {
  const { tokens } = await world();
  assert.deepEqual(slugs((await list(tokens.author, "?status=draft")).body), ["a-draft"]);
  assert.deepEqual(
    slugs((await list(tokens.author, "?status=scheduled")).body),
    [],
    "the owner's scheduled post is not the author's",
  );
  assert.deepEqual(slugs((await list(tokens.owner, "?status=all")).body), ["a-draft", "later", "public-one"]);
  assert.deepEqual(slugs((await list(tokens.outsider, "?status=all")).body), ["public-one"]);
  const draft = await json(
    await getPost(
      new Request(`${BASE}/blogs/carnet/posts/a-draft`, call(tokens.author)),
      ctx({ blog: "carnet", slug: "a-draft" }),
    ),
  );
  assert.equal(draft.status, 200);
  assert.equal(draft.body.bodyMarkdown, "Some *markdown* text.");
  assert.equal(
    (
      await getPost(
        new Request(`${BASE}/blogs/carnet/posts/a-draft`, call(tokens.outsider)),
        ctx({ blog: "carnet", slug: "a-draft" }),
      )
    ).status,
    404,
  );
  assert.equal((await list("trb_not-a-real-token")).status, 401);
});

test("api v1: an author creates, publishes, schedules and updates posts with a token", async () => {
  const { tokens } = await world();
  const created = await json(
    await createPost(
      new Request(
        `${BASE}/blogs/carnet/posts`,
        call(tokens.author, "POST", { title: "Par l'API", body: "Bonjour **monde**", tags: ["api"], publish: true }),
      ),
      ctx({ blog: "carnet" }),
    ),
  );
  assert.equal(created.status, 201);
  assert.equal(created.body.status, "published");
  assert.equal(created.body.slug, "par-l-api");
  assert.deepEqual(created.body.tags, ["api"]);
  assert.ok(slugs((await list(null)).body).includes("par-l-api"));
  const later = new Date(Date.now() + 86_400_000).toISOString();
  const scheduled = await json(
    await createPost(
      new Request(
        `${BASE}/blogs/carnet/posts`,
        call(tokens.author, "POST", { title: "Demain", slug: "demain", publishAt: later }),
      ),
      ctx({ blog: "carnet" }),
    ),
  );
  assert.equal(scheduled.status, 201);
  assert.equal(scheduled.body.status, "scheduled");
  assert.ok(!slugs((await list(null)).body).includes("demain"));
  const id = String(created.body.id);
  const updated = await json(
    await updatePost(
      new Request(`${BASE}/posts/${id}`, call(tokens.author, "PATCH", { title: "Titre revu", excerpt: "Court." })),
      ctx({ id }),
    ),
  );
  assert.equal(updated.status, 200);
  assert.equal(updated.body.title, "Titre revu");
  assert.equal(updated.body.excerpt, "Court.");
  assert.equal(updated.body.bodyMarkdown, "Bonjour **monde**");
  const unpublished = await json(
    await updatePost(new Request(`${BASE}/posts/${id}`, call(tokens.owner, "PATCH", { unpublish: true })), ctx({ id })),
  );
  assert.equal(unpublished.body.status, "draft", "the owner may edit any post of the blog");
});

test("api v1: outsiders and anonymous callers change nothing", async () => {
  const { blog, tokens } = await world();
  const draft = await db.post.findFirstOrThrow({ where: { slug: "a-draft" } });
  const before = await db.post.count();
  const denied = await createPost(
    new Request(`${BASE}/blogs/carnet/posts`, call(tokens.outsider, "POST", { title: "Intrus" })),
    ctx({ blog: "carnet" }),
  );
  assert.equal(denied.status, 404);
  const anonymous = await createPost(
    new Request(`${BASE}/blogs/carnet/posts`, call(null, "POST", { title: "Anonyme" })),
    ctx({ blog: "carnet" }),
  );
  assert.equal(anonymous.status, 401);
  const patch = await updatePost(
    new Request(`${BASE}/posts/${draft.id}`, call(tokens.outsider, "PATCH", { title: "Pwned" })),
    ctx({ id: draft.id }),
  );
  assert.equal(patch.status, 404);
  const ownerPost = await db.post.findFirstOrThrow({ where: { slug: "later" } });
  const byAuthor = await updatePost(
    new Request(`${BASE}/posts/${ownerPost.id}`, call(tokens.author, "PATCH", { title: "Not mine" })),
    ctx({ id: ownerPost.id }),
  );
  assert.equal(byAuthor.status, 404, "an author cannot edit the owner's post");
  assert.equal(await db.post.count(), before);
  assert.equal((await db.post.findUniqueOrThrow({ where: { id: draft.id } })).title, draft.title);
  assert.equal((await db.post.findUniqueOrThrow({ where: { id: ownerPost.id } })).title, ownerPost.title);
  assert.equal(blog.slug, "carnet");
});

test("api v1: invalid bodies get 400 with the fields, and nothing is written", async () => {
  const { tokens } = await world();
  const before = await db.post.count();
  const empty = await json(
    await createPost(
      new Request(`${BASE}/blogs/carnet/posts`, call(tokens.author, "POST", { title: "", tags: Array(11).fill("x") })),
      ctx({ blog: "carnet" }),
    ),
  );
  assert.equal(empty.status, 400);
  assert.equal(empty.body.error, "INVALID_INPUT");
  assert.deepEqual(Object.keys(empty.body.fields as object).sort(), ["tags", "title"]);
  assert.equal((empty.body.fields as Record<string, string[]>).title![0], "Give the article a title.");
  const notJson = await createPost(
    new Request(`${BASE}/blogs/carnet/posts`, call(tokens.author, "POST", "{oops")),
    ctx({ blog: "carnet" }),
  );
  assert.equal(notJson.status, 400);
  const unknownField = await createPost(
    new Request(`${BASE}/blogs/carnet/posts`, call(tokens.author, "POST", { title: "Ok", status: "published" })),
    ctx({ blog: "carnet" }),
  );
  assert.equal(unknownField.status, 400);
  const badDate = await createPost(
    new Request(`${BASE}/blogs/carnet/posts`, call(tokens.author, "POST", { title: "Ok", publishAt: "tomorrow" })),
    ctx({ blog: "carnet" }),
  );
  assert.equal(badDate.status, 400);
  const taken = await createPost(
    new Request(`${BASE}/blogs/carnet/posts`, call(tokens.author, "POST", { title: "Ok", slug: "public-one" })),
    ctx({ blog: "carnet" }),
  );
  assert.equal(taken.status, 409);
  assert.equal(await db.post.count(), before);
});

test("api v1: the OpenAPI document is 3.1 with every route and the bearer scheme", async () => {
  const doc = (await (await openApi()).json()) as {
    openapi: string;
    paths: Record<string, Record<string, unknown>>;
    components: { securitySchemes: Record<string, { type: string; scheme: string }>; schemas: Record<string, unknown> };
  };
  assert.match(doc.openapi, /^3\.1\.\d+$/);
  assert.deepEqual(Object.keys(doc.paths).sort(), [
    "/blogs",
    "/blogs/{blog}",
    "/blogs/{blog}/posts",
    "/blogs/{blog}/posts/{slug}",
    "/comments/{id}",
    "/comments/{id}/like",
    "/comments/{id}/moderation",
    "/comments/{id}/report",
    "/moderation/decisions",
    "/moderation/log",
    "/moderation/queue",
    "/notifications",
    "/notifications/read",
    "/posts/{id}",
    "/posts/{id}/comments",
    "/posts/{id}/lock",
    "/posts/{id}/mention-suggestions",
    "/posts/{id}/pin",
    "/posts/{id}/slow-mode",
    "/sanctions",
    "/sanctions/{id}",
    "/users/{handle}/sanctions",
  ]);
  assert.ok(doc.paths["/posts/{id}/comments"]!.get && doc.paths["/posts/{id}/comments"]!.post);
  assert.ok(doc.paths["/blogs/{blog}/posts"]!.get && doc.paths["/blogs/{blog}/posts"]!.post);
  assert.ok(doc.paths["/posts/{id}"]!.patch);
  assert.equal(doc.components.securitySchemes.bearer?.type, "http");
  assert.equal(doc.components.securitySchemes.bearer?.scheme, "bearer");
  for (const name of ["Blog", "BlogList", "Post", "PostSummary", "PostList", "CreatePost", "UpdatePost", "Error"]) {
    assert.ok(doc.components.schemas[name], `components.schemas.${name}`);
  }
});
