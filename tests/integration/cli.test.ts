import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, beforeEach, test } from "node:test";
import { enableDemoAccounts, hashPassword, isDemoMode, setDemoMode } from "@/lib/auth";
import { isDemoLoginAllowed } from "@/lib/auth/demo";
import { verifyPassword } from "@/lib/auth/password";
import { db, disconnectDb } from "@/lib/db";
import { createUser } from "../factories";
import { resetDb } from "../setup/db";

const outbox = mkdtempSync(join(tmpdir(), "tribune-cli-outbox-"));
beforeEach(resetDb);
after(async () => {
  rmSync(outbox, { recursive: true, force: true });
  await disconnectDb();
});

function userCreate(args: string[], env: Record<string, string> = {}) {
  const environment: NodeJS.ProcessEnv = { ...process.env, OUTBOX_DIR: outbox, ...env };
  delete environment.SMTP_URL;
  return spawnSync(
    "node_modules/.bin/tsx",
    ["--import", "./scripts/lib/register.mjs", "scripts/user-create.ts", ...args],
    {
      env: environment,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
}

test("user:create --admin: with TRIBUNE_PASSWORD the admin can sign in with it", async () => {
  const run = userCreate(["--admin", "Anne@Example.test", "--name", "Anne Tremblay"], {
    TRIBUNE_PASSWORD: "a strong admin pass",
  });
  assert.equal(run.status, 0, run.stderr);
  const admin = await db.user.findUniqueOrThrow({ where: { email: "anne@example.test" } });
  assert.equal(admin.role, "admin");
  assert.equal(admin.name, "Anne Tremblay");
  assert.ok(await verifyPassword(admin.passwordHash, "a strong admin pass"));
});

test("user:create --admin: without a password, a link to choose one lands in the outbox", async () => {
  const run = userCreate(["--admin", "boss@example.test"]);
  assert.equal(run.status, 0, run.stderr);
  assert.match(run.stdout, /written to/);
  const files = readdirSync(outbox).filter((f) => f.includes("boss"));
  assert.equal(files.length, 1);
  assert.match(readFileSync(join(outbox, files[0]!), "utf8"), /\/reset-password\/[\w-]+/);
  assert.equal((await db.user.findUniqueOrThrow({ where: { email: "boss@example.test" } })).passwordHash, null);
});

test("user:create: a bad address or a short password is refused and nothing is written", async () => {
  assert.notEqual(userCreate(["--admin", "not-an-email"]).status, 0);
  const short = userCreate(["--admin", "x@example.test"], { TRIBUNE_PASSWORD: "short" });
  assert.notEqual(short.status, 0);
  assert.match(short.stderr, /at least 10 characters/);
  assert.equal(await db.user.count(), 0);
});

test("demo mode: the demo's people get the password only in demo mode", async () => {
  await createUser({ handle: "josee" });
  await db.user.create({
    data: { handle: "demo1", handleKey: "demo1", name: "Demo", nameKey: "demo", email: "demo1@demo.tribune.test" },
  });
  assert.equal(await isDemoMode(), false);
  assert.equal(await isDemoLoginAllowed("demo1@demo.tribune.test"), false);
  assert.equal(await isDemoLoginAllowed("someone@example.test"), true);
  assert.equal(await enableDemoAccounts(hashPassword), 1);
  assert.equal(await isDemoLoginAllowed("demo1@demo.tribune.test"), true);
  await setDemoMode(false);
  assert.equal(await isDemoLoginAllowed("demo1@demo.tribune.test"), false);
});
