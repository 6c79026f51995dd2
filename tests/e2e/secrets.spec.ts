import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "@playwright/test";

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));

test("[SECURITY]: no server secret reaches the client bundle", () => {
  // The e2e servers run with these secrets (tests/setup/e2e-servers.ts).
  const secrets = [
    "e2e-secret-not-for-production-use",
    "stand-in-secret",
    "NEXTAUTH_SECRET",
    "DATABASE_URL",
    "passwordHash",
  ];
  const leaks = files(".next/static").flatMap((file) => {
    const text = readFileSync(file, "utf8");
    return secrets.filter((secret) => text.includes(secret)).map((secret) => `${file}: ${secret}`);
  });
  expect(leaks).toEqual([]);
});

test("[SECURITY]: a failing API answers without a stack trace", async ({ request }) => {
  const response = await request.patch("/api/v1/me", { headers: { Authorization: "Bearer trb_nope" }, data: "{" });
  expect(response.status()).toBe(401);
  const body = await response.text();
  expect(body).not.toMatch(/at \w+ \(|node_modules|\.ts:\d+/);
});
