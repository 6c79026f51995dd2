// Issue 12, item 7: the process killed with SIGKILL while comments are being posted. Every
// comment whose creation was answered is there afterwards, the database is intact, and a new
// process writes again at once — on SQLite (WAL) and on PostgreSQL.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { after, before, test } from "node:test";
import { db, dbProvider, disconnectDb } from "@/lib/db";
import { createBlog, createPost, createUser } from "../factories";
import { nodeTestArgs } from "../setup/find-tests";
import { resetDb } from "../setup/db";

before(() => resetDb());
after(() => disconnectDb());

/** runWriter: starts the writer; resolves with the ids it acknowledged, after `kill` (or its exit). */
function runWriter(
  env: Record<string, string>,
  killAfter?: number,
): Promise<{ acknowledged: string[]; signal: string | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeTestArgs, "tests/fixtures/comment-writer.ts"], {
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "inherit"],
    });
    const acknowledged: string[] = [];
    let buffered = "";
    child.stdout.on("data", (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split("\n");
      buffered = lines.pop()!;
      for (const line of lines) if (line.startsWith("ok ")) acknowledged.push(line.slice(3));
      if (killAfter !== undefined && acknowledged.length >= killAfter && !child.killed) child.kill("SIGKILL");
    });
    child.on("error", reject);
    child.on("exit", (_code, signal) => resolve({ acknowledged, signal }));
  });
}

test("SIGKILL while posting: every answered comment is kept, nothing is corrupt, writing resumes", async () => {
  const owner = await createUser();
  const blog = await createBlog({ ownerId: owner.id });
  const post = await createPost({ blogId: blog.id, authorId: owner.id });
  const users = await Promise.all(Array.from({ length: 40 }, () => createUser()));
  const env = {
    DATABASE_URL: process.env.DATABASE_URL!,
    POST_ID: post.id,
    USER_IDS: users.map((u) => u.id).join(","),
  };

  const killed = await runWriter(env, 40);
  assert.equal(killed.signal, "SIGKILL");
  assert.ok(killed.acknowledged.length >= 40);
  const stored = await db.comment.findMany({ where: { postId: post.id }, select: { id: true, bodyHtml: true } });
  const ids = new Set(stored.map((c) => c.id));
  assert.deepEqual(
    killed.acknowledged.filter((id) => !ids.has(id)),
    [],
    "every acknowledged comment survived",
  );
  assert.ok(
    stored.every((c) => c.bodyHtml.includes("écrit")),
    "no half-written row",
  );
  if (dbProvider() === "sqlite") {
    const [check] = await db.$queryRawUnsafe<{ integrity_check: string }[]>("PRAGMA integrity_check");
    assert.equal(check?.integrity_check, "ok");
  }

  // Started again, it writes at once (no stale lock, no recovery step).
  const again = await runWriter({
    ...env,
    USER_IDS: users
      .slice(20)
      .map((u) => u.id)
      .join(","),
    COUNT: "5",
  });
  assert.equal(again.signal, null);
  assert.equal(again.acknowledged.length, 5);
  assert.equal(await db.comment.count({ where: { postId: post.id } }), stored.length + 5);
});
