import assert from "node:assert/strict";
import { test } from "node:test";
import { AppError } from "@/lib/errors";
import { consume, createLimiters, reward } from "@/lib/security";

// Unit tests count in memory: never reach a Redis the environment may point at.
delete process.env.REDIS_URL;

const rateLimited = (error: unknown) => {
  assert.ok(error instanceof AppError);
  assert.equal(error.code, "RATE_LIMITED");
  const seconds = error.details?.retryAfterSeconds;
  assert.ok(typeof seconds === "number" && seconds > 0 && seconds <= 15 * 60, `retryAfterSeconds ${seconds}`);
  assert.match(error.message, /^Too many attempts\. Try again in \d+ (seconds?|minutes?)\.$/);
  return true;
};

test("rate limit: the 6th sign-in attempt within 15 minutes is refused with a retry delay", async () => {
  const key = "josee@example.com:203.0.113.7";
  for (let attempt = 1; attempt <= 5; attempt++) await consume("signIn", key);
  await assert.rejects(consume("signIn", key), rateLimited);
  // Another address, or the same email in another case from another IP, has its own count.
  await consume("signIn", "josee@example.com:203.0.113.8");
  await assert.rejects(consume("signIn", "JOSEE@example.com:203.0.113.7"), rateLimited);
});

test("rate limit: reward clears the count (a successful sign-in)", async () => {
  const key = "sylvain@example.com:198.51.100.1";
  for (let attempt = 1; attempt <= 5; attempt++) await consume("signIn", key);
  await reward("signIn", key);
  for (let attempt = 1; attempt <= 5; attempt++) await consume("signIn", key);
  await assert.rejects(consume("signIn", key), rateLimited);
});

test("rate limit: each named limit counts separately", async () => {
  const limiters = createLimiters();
  for (let attempt = 1; attempt <= 3; attempt++) await limiters.consume("passwordReset", "a@example.com");
  await assert.rejects(limiters.consume("passwordReset", "a@example.com"), (error) => {
    assert.ok(error instanceof AppError && error.code === "RATE_LIMITED");
    assert.match(error.message, /Try again in (1 hour|59 minutes)\./);
    return true;
  });
  await limiters.consume("mail", "a@example.com");
  await limiters.consume("comment", "a@example.com");
  await limiters.close();
});
