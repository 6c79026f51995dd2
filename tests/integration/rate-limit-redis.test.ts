import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { after, test } from "node:test";
import { Redis } from "ioredis";
import { AppError } from "@/lib/errors";
import { createLimiters } from "@/lib/security";

// Two limiter sets over one Redis stand for two app instances. A prefix unique to this run
// keeps the keys apart from any other user of that Redis; they are deleted at the end.
const redisUrl = process.env.REDIS_URL || "redis://127.0.0.1:6379";
const prefix = `tribune_test_${randomBytes(4).toString("hex")}`;
const instanceA = createLimiters({ redisUrl, prefix });
const instanceB = createLimiters({ redisUrl, prefix });

after(async () => {
  const admin = new Redis(redisUrl);
  const keys = await admin.keys(`${prefix}:*`);
  if (keys.length) await admin.del(...keys);
  await Promise.all([instanceA.close(), instanceB.close(), admin.quit()]);
});

const isRateLimited = (error: unknown) => error instanceof AppError && error.code === "RATE_LIMITED";

test("rate limit in Redis: two instances share one count", { timeout: 10_000 }, async () => {
  await Promise.all([instanceA.ready(), instanceB.ready()]);
  const key = "josee@example.com:203.0.113.7";
  for (let attempt = 1; attempt <= 3; attempt++) await instanceA.consume("signIn", key);
  await instanceB.consume("signIn", key);
  await instanceB.consume("signIn", key);
  await assert.rejects(instanceA.consume("signIn", key), (error) => {
    assert.ok(isRateLimited(error));
    const seconds = (error as AppError).details?.retryAfterSeconds;
    assert.ok(typeof seconds === "number" && seconds > 0 && seconds <= 15 * 60);
    return true;
  });
  await assert.rejects(instanceB.consume("signIn", key), isRateLimited);

  // A reward on one instance clears the count for both.
  await instanceB.reward("signIn", key);
  await instanceA.consume("signIn", key);
});

test("rate limit in Redis: the keys carry the prefix and no email address", { timeout: 10_000 }, async () => {
  await instanceA.consume("comment", "sylvain@example.com");
  const admin = new Redis(redisUrl);
  try {
    const keys = await admin.keys(`${prefix}:rl:comment:*`);
    assert.equal(keys.length, 1);
    assert.doesNotMatch(keys[0] ?? "", /sylvain|example/);
  } finally {
    await admin.quit();
  }
});

test("rate limit in Redis: with Redis unreachable the limits still hold, in memory", { timeout: 10_000 }, async () => {
  const offline = createLimiters({ redisUrl: "redis://127.0.0.1:1", prefix });
  const errors = console.error;
  console.error = () => {};
  try {
    for (let attempt = 1; attempt <= 5; attempt++) await offline.consume("signIn", "offline@example.com");
    await assert.rejects(offline.consume("signIn", "offline@example.com"), isRateLimited);
  } finally {
    console.error = errors;
    await offline.close();
  }
});
