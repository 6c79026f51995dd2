// A blog owner's import from the settings page (issue 14, item 5): the file is the body of a
// request to the import route handler, streamed to disk (at most 50 MB); the answer is JSON
// lines. The owner's import links only members' accounts: someone else's e-mail stays a guest.
import assert from "node:assert/strict";
import { createReadStream, readFileSync } from "node:fs";
import { Readable } from "node:stream";
import { after, beforeEach, test } from "node:test";
import { POST } from "@/app/api/import/[blog]/route";
import { createApiToken } from "@/lib/auth";
import { db, disconnectDb } from "@/lib/db";
import { saveUploadedExport } from "@/lib/import";
import { createBlog, createUser } from "../factories";
import { resetDb } from "../setup/db";

const CARNET = "tests/fixtures/wxr/carnet.xml";

beforeEach(resetDb);
after(disconnectDb);

function upload(blog: string, token: string, body: BodyInit, headers: Record<string, string> = {}) {
  const request = new Request(`http://localhost:3999/api/import/${blog}?kind=wxr`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/xml", ...headers },
    body,
    duplex: "half",
  } as RequestInit);
  return POST(request, { params: Promise.resolve({ blog }) });
}

async function lines(
  response: Response,
): Promise<{ type: string; report?: Record<string, unknown>; message?: string }[]> {
  return (await response.text())
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line));
}

test("upload: the owner's file is streamed in and imported; other people's e-mails stay guest authors", async () => {
  const owner = await createUser({ handle: "owner_up" });
  const outsider = await db.user.create({
    data: {
      handle: "sylvain",
      handleKey: "sylvain",
      name: "Sylvain",
      nameKey: "sylvain",
      email: "sylvain@hebdo.example",
    },
  });
  await createBlog({ slug: "carnet", ownerId: owner.id });
  const { token } = await createApiToken(owner.id, "import");
  const body = Readable.toWeb(createReadStream(CARNET)) as ReadableStream<Uint8Array>;
  const response = await upload("carnet", token, body);
  assert.equal(response.status, 200);
  const answer = await lines(response);
  const done = answer.find((line) => line.type === "done");
  assert.ok(done, JSON.stringify(answer));
  assert.equal((done.report!.posts as { created: number }).created, 5);
  assert.equal((done.report!.people as { created: number }).created, 0);
  assert.equal(await db.comment.count({ where: { authorId: outsider.id } }), 0);
  assert.equal(await db.user.count(), 2, "no account was created");
  // The same file again: unchanged.
  const again = await lines(await upload("carnet", token, readFileSync(CARNET)));
  assert.equal((again.find((line) => line.type === "done")!.report as { unchanged: boolean }).unchanged, true);
});

test("upload: only the blog's owners; larger than 50 MB is refused before reading", async () => {
  const owner = await createUser({ handle: "owner_two" });
  const author = await createUser({ handle: "author_two" });
  const blog = await createBlog({ slug: "carnet", ownerId: owner.id });
  await db.membership.create({ data: { blogId: blog.id, userId: author.id, role: "author" } });
  const { token: authorToken } = await createApiToken(author.id, "import");
  assert.equal((await upload("carnet", authorToken, readFileSync(CARNET))).status, 403);
  const stranger = await createUser({ handle: "stranger_two" });
  const { token: strangerToken } = await createApiToken(stranger.id, "import");
  assert.equal((await upload("carnet", strangerToken, readFileSync(CARNET))).status, 404);
  const { token } = await createApiToken(owner.id, "import");
  const big = await upload("carnet", token, "x", { "content-length": String(51 * 1024 * 1024) });
  assert.equal(big.status, 400);
  assert.equal(await db.post.count(), 0);
});

test("upload: five imports an hour per person; the sixth is refused before its file is read", async () => {
  const owner = await createUser({ handle: "owner_many" });
  await createBlog({ slug: "carnet", ownerId: owner.id });
  const { token } = await createApiToken(owner.id, "import");
  for (let i = 0; i < 5; i++) {
    const refused = await upload("carnet", token, "x", { "content-length": String(51 * 1024 * 1024) });
    assert.equal(refused.status, 400, "each attempt counts, even one refused for its size");
  }
  const sixth = await upload("carnet", token, readFileSync(CARNET));
  assert.equal(sixth.status, 429);
  assert.ok(Number(sixth.headers.get("retry-after")) > 0);
  assert.equal(await db.post.count(), 0, "nothing imported");
});

test("saveUploadedExport: a body past the limit is refused while it streams", async () => {
  const body = Readable.toWeb(Readable.from([Buffer.alloc(600), Buffer.alloc(600)])) as ReadableStream<Uint8Array>;
  await assert.rejects(saveUploadedExport(body, 1000), /tooLarge/);
});
