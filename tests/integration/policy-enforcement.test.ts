import assert from "node:assert/strict";
import { after, beforeEach, test } from "node:test";
import { GET as getApiPost } from "@/app/api/v1/blogs/[blog]/posts/[slug]/route";
import { DELETE as deleteApiComment, PATCH as patchApiComment } from "@/app/api/v1/comments/[id]/route";
import { PATCH as patchApiPost } from "@/app/api/v1/posts/[id]/route";
import {
  canDeleteComment,
  canEditComment,
  canEditPost,
  canManageBlog,
  canManageMembers,
  canModerateComments,
  canPublishPost,
  canReadPost,
  commentAccess,
  createApiToken,
  getBlogRole,
  type Actor,
} from "@/lib/auth";
import { addMember, getBlogSettings, updateBlogSettings } from "@/lib/blogs";
import { approveComment, createComment, deleteComment, editComment, rejectComment } from "@/lib/comments";
import { db, disconnectDb } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { publishPost, saveDraft } from "@/lib/posts";
import { createBlog, createComment as createCommentRow, createPost, createUser } from "../factories";
import { resetDb } from "../setup/db";

// The services and the API refuse exactly what lib/auth/policy refuses (tests/unit/policy-matrix
// is the table): for each kind of person, the outcome of the real call is compared with the
// policy's verdict on that person's role as stored. Suspended and banned people (stored
// sanctions, issue 11 item 6) are in tests/integration/moderation-sanctions.test.ts.

type Cast = Awaited<ReturnType<typeof cast>>;
type Person = { name: string; actor: Actor; token: string | null };

async function cast() {
  const [admin, owner, author, moderator, reader, other] = await Promise.all([
    createUser({ handle: "anne", role: "admin" }),
    createUser({ handle: "josee" }),
    createUser({ handle: "sylvain" }),
    createUser({ handle: "noemie" }),
    createUser({ handle: "tom" }),
    createUser({ handle: "zoe" }),
  ]);
  const blog = await createBlog({ slug: "carnet", ownerId: owner.id });
  await db.membership.createMany({
    data: [
      { blogId: blog.id, userId: author.id, role: "author" },
      { blogId: blog.id, userId: moderator.id, role: "moderator" },
    ],
  });
  const people: Person[] = [];
  for (const [name, user] of Object.entries({ admin, owner, author, moderator, reader })) {
    people.push({ name, actor: { id: user.id, role: user.role }, token: (await createApiToken(user.id, "t")).token });
  }
  people.push({ name: "guest", actor: null, token: null });
  return { blog, owner, author, other, people };
}

/** outcome: "allowed" when the call resolves, "refused" when it throws an AppError. */
async function outcome(call: () => Promise<unknown>): Promise<"allowed" | "refused"> {
  try {
    await call();
    return "allowed";
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return "refused";
  }
}
const verdict = (allowed: boolean) => (allowed ? "allowed" : "refused");
const roleOf = (world: Cast, who: Person) => getBlogRole(who.actor?.id, world.blog.id);

/** Runs `attempt` for every person and compares the outcomes with the policy's verdicts, all at once. */
async function compare(
  world: Cast,
  attempt: (who: Person) => Promise<unknown>,
  policy: (who: Person) => Promise<boolean>,
): Promise<void> {
  const actual: Record<string, string> = {};
  const expected: Record<string, string> = {};
  for (const who of world.people) {
    expected[who.name] = verdict(await policy(who));
    actual[who.name] = await outcome(() => attempt(who));
  }
  assert.deepEqual(actual, expected);
}

const BASE = "http://localhost:3999/api/v1";
function apiRequest(url: string, token: string | null, method = "GET", body?: unknown): Request {
  const headers: Record<string, string> = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers["content-type"] = "application/json";
  return new Request(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}
/** apiCall: resolves on 2xx, throws an AppError (as the service would) on 4xx. */
async function apiCall(response: Promise<Response>): Promise<void> {
  const res = await response;
  if (res.status >= 500) throw new Error(`API answered ${res.status}: ${await res.text()}`);
  if (res.status >= 400) throw new AppError("FORBIDDEN", `status ${res.status}`);
}
const ctx = <T extends object>(params: T) => ({ params: Promise.resolve(params) });

beforeEach(resetDb);
after(disconnectDb);

test("policy enforcement: editing a post (the author's, the owner's), by service and by API", async () => {
  const world = await cast();
  for (const writer of [world.author, world.owner]) {
    await compare(
      world,
      async (who) => {
        const post = await createPost({ blogId: world.blog.id, authorId: writer.id, status: "draft" });
        await saveDraft(who.actor, post.id, { title: "Changed" });
      },
      async (who) => canEditPost(who.actor, await roleOf(world, who), { authorId: writer.id }),
    );
    await compare(
      world,
      async (who) => {
        const post = await createPost({ blogId: world.blog.id, authorId: writer.id });
        await apiCall(
          patchApiPost(
            apiRequest(`${BASE}/posts/${post.id}`, who.token, "PATCH", { title: "Changed" }),
            ctx({ id: post.id }),
          ),
        );
      },
      async (who) => canEditPost(who.actor, await roleOf(world, who), { authorId: writer.id }),
    );
  }
});

test("policy enforcement: publishing a draft", async () => {
  const world = await cast();
  for (const writer of [world.author, world.owner]) {
    await compare(
      world,
      async (who) => {
        const post = await createPost({ blogId: world.blog.id, authorId: writer.id, status: "draft" });
        await publishPost(who.actor, post.id);
      },
      async (who) => canPublishPost(who.actor, await roleOf(world, who), { authorId: writer.id }),
    );
  }
});

test("policy enforcement: reading a draft through the API (the author's and the owner's)", async () => {
  const world = await cast();
  for (const writer of [world.author, world.owner]) {
    const draft = await createPost({ blogId: world.blog.id, authorId: writer.id, status: "draft" });
    await compare(
      world,
      (who) =>
        apiCall(
          getApiPost(
            apiRequest(`${BASE}/blogs/carnet/posts/${draft.slug}`, who.token),
            ctx({ blog: "carnet", slug: draft.slug }),
          ),
        ),
      async (who) =>
        canReadPost(who.actor, await roleOf(world, who), { authorId: writer.id, isPublic: false, deleted: false }),
    );
  }
});

test("policy enforcement: blog settings (read and change) and members", async () => {
  const world = await cast();
  await compare(
    world,
    async (who) => {
      if (!(await getBlogSettings(who.actor, "carnet"))) throw new AppError("NOT_FOUND", "errors.notFound");
    },
    async (who) => canManageBlog(who.actor, await roleOf(world, who)),
  );
  await compare(
    world,
    (who) =>
      updateBlogSettings(who.actor, world.blog.id, {
        name: `By ${who.name}`,
        slug: "carnet",
        language: "en",
        commentPolicy: "open",
      }),
    async (who) => canManageBlog(who.actor, await roleOf(world, who)),
  );
  await compare(
    world,
    async (who) => {
      const newcomer = await createUser();
      await addMember(who.actor, world.blog.id, newcomer.handle, "author");
    },
    async (who) => canManageMembers(who.actor, await roleOf(world, who)),
  );
});

test("policy enforcement: editing and deleting comments (own and others'), by service and by API", async () => {
  const world = await cast();
  const post = await createPost({ blogId: world.blog.id, authorId: world.owner.id });
  const access = async (who: Person) =>
    commentAccess({
      policy: "open",
      allowGuests: false,
      viewer: who.actor,
      viewerRole: await roleOf(world, who),
      blogId: world.blog.id,
    });
  const own = (who: Person) => createCommentRow({ postId: post.id, authorId: who.actor?.id ?? world.other.id });
  const others = () => createCommentRow({ postId: post.id, authorId: world.other.id });
  const facts = (who: Person, mine: boolean) => ({
    authorId: mine && who.actor ? who.actor.id : world.other.id,
    status: "approved",
  });

  for (const mine of [true, false]) {
    const target = (who: Person) => (mine ? own(who) : others());
    await compare(
      world,
      async (who) => editComment(who.actor, (await target(who)).id, `Edited by ${who.name}`),
      async (who) => canEditComment(who.actor, facts(who, mine), await access(who)),
    );
    await compare(
      world,
      async (who) => deleteComment(who.actor, (await target(who)).id),
      async (who) => canDeleteComment(who.actor, facts(who, mine)),
    );
    await compare(
      world,
      async (who) => {
        const { id } = await target(who);
        await apiCall(
          patchApiComment(apiRequest(`${BASE}/comments/${id}`, who.token, "PATCH", { body: "Via API" }), ctx({ id })),
        );
      },
      async (who) => canEditComment(who.actor, facts(who, mine), await access(who)),
    );
    await compare(
      world,
      async (who) => {
        const { id } = await target(who);
        await apiCall(deleteApiComment(apiRequest(`${BASE}/comments/${id}`, who.token, "DELETE"), ctx({ id })));
      },
      async (who) => canDeleteComment(who.actor, facts(who, mine)),
    );
  }
});

test("policy enforcement: approving and rejecting a held comment", async () => {
  const world = await cast();
  const post = await createPost({ blogId: world.blog.id, authorId: world.owner.id });
  const held = () => createCommentRow({ postId: post.id, authorId: world.other.id, status: "pending" });
  await compare(
    world,
    async (who) => approveComment(who.actor, (await held()).id),
    async (who) => canModerateComments(who.actor, await roleOf(world, who)),
  );
  await compare(
    world,
    async (who) => rejectComment(who.actor, (await held()).id, { as: "spam" }),
    async (who) => canModerateComments(who.actor, await roleOf(world, who)),
  );
});

test("policy enforcement: a stored blog role the policy does not know grants nothing", async () => {
  const world = await cast();
  const stranger = await createUser({ handle: "mallory" });
  await db.membership.create({ data: { blogId: world.blog.id, userId: stranger.id, role: "superuser" } });
  await db.blog.update({ where: { id: world.blog.id }, data: { commentPolicy: "members" } });
  const post = await createPost({ blogId: world.blog.id, authorId: world.owner.id });
  const actor = { id: stranger.id, role: stranger.role };
  assert.equal(await getBlogRole(stranger.id, world.blog.id), null);
  // Before the role was validated, any non-empty stored value counted as membership here.
  await assert.rejects(
    createComment(actor, { postId: post.id, body: "Let me in" }),
    (error) => error instanceof AppError && error.message === "errors.commentsMembersOnly",
  );
  await assert.rejects(saveDraft(actor, post.id, { title: "Mine now" }), (error) => error instanceof AppError);
  assert.equal(await getBlogSettings(actor, "carnet"), null);
});
