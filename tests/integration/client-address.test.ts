// Client addresses over real sockets, through the very step scripts/serve.ts runs on every
// request (stampClientAddress), and the real password sign-in behind it: clients on different
// loopback addresses (127.0.0.x) are different people; what a client writes in its headers
// never changes whom it counts as.
import assert from "node:assert/strict";
import http, { type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, beforeEach, test } from "node:test";
import { authorizeWithPassword, hashPassword } from "@/lib/auth";
import { db, disconnectDb } from "@/lib/db";
import { clientIp, LIMITS, stampClientAddress } from "@/lib/security";
import { createUser } from "../factories";
import { resetDb } from "../setup/db";

// Count in this process's memory, never in a Redis the environment may point at.
delete process.env.REDIS_URL;

let server: Server;
let port = 0;
let trustedProxies = 0;

before(async () => {
  server = http.createServer((req, res) => {
    stampClientAddress(req, trustedProxies);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    if (req.url === "/key") return void res.end(clientIp(headers));
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      authorizeWithPassword(JSON.parse(Buffer.concat(chunks).toString()), req.headers).then(
        (user) => res.end(`ok:${user.id}`),
        (error: Error) => res.end(error.message.split(":")[0]),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
after(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await disconnectDb();
});
beforeEach(async () => {
  trustedProxies = 0;
  await resetDb();
});

/** send: one request from the loopback address `from` (127.0.0.x: a different client each). */
function send(from: string, path: string, headers: Record<string, string> = {}, body?: unknown): Promise<string> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: "127.0.0.1", port, path, method: body ? "POST" : "GET", localAddress: from, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => resolve(Buffer.concat(chunks).toString()));
      },
    );
    req.on("error", reject);
    req.end(body ? JSON.stringify(body) : undefined);
  });
}

const spoofed = (n: number) => ({
  "x-real-ip": `198.51.100.${n}`,
  "x-forwarded-for": `192.0.2.${n}`,
  "x-tribune-client-ip": `203.0.113.${n}`,
  "x-tribune-client-stamp": "forged",
});

async function member(email: string, password: string) {
  const user = await createUser();
  return db.user.update({
    where: { id: user.id },
    data: { email, passwordHash: await hashPassword(password), emailVerified: new Date() },
  });
}

test("client address over a socket: spoofed X-Real-IP, X-Forwarded-For and internal headers share the socket's key", async () => {
  const keys = await Promise.all([1, 2, 3].map((n) => send("127.0.0.2", "/key", spoofed(n))));
  assert.deepEqual(keys, ["127.0.0.2", "127.0.0.2", "127.0.0.2"]);
  assert.equal(await send("127.0.0.3", "/key"), "127.0.0.3");
});

test("client address over a socket: TRUST_PROXY=1 counts the entry the proxy appended, not the client's claims", async () => {
  trustedProxies = 1;
  assert.equal(await send("127.0.0.2", "/key", { "x-forwarded-for": "6.6.6.6, 203.0.113.9" }), "203.0.113.9");
  assert.equal(await send("127.0.0.2", "/key", { ...spoofed(4), "x-forwarded-for": "203.0.113.9" }), "203.0.113.9");
  // No header at all: the proxy (the socket) is all there is.
  assert.equal(await send("127.0.0.2", "/key", { "x-real-ip": "6.6.6.6" }), "127.0.0.2");
});

test("sign-in over a socket: wrong passwords from one address never lock the owner out elsewhere, spoofed headers buy no extra guesses", async () => {
  const email = "josee@example.test";
  await member(email, "the right one");
  const results: string[] = [];
  for (let n = 1; n <= LIMITS.signIn.points; n++) {
    results.push(await send("127.0.0.4", "/sign-in", spoofed(n), { email, password: `guess ${n}` }));
  }
  assert.deepEqual(new Set(results), new Set(["INVALID_CREDENTIALS"]));
  // The attacker's address is done for this account, whatever it claims to be now.
  assert.equal(await send("127.0.0.4", "/sign-in", spoofed(99), { email, password: "guess 6" }), "RATE_LIMITED");
  assert.equal(await send("127.0.0.4", "/sign-in", {}, { email, password: "the right one" }), "RATE_LIMITED");
  // The owner, from another address, signs in.
  assert.match(await send("127.0.0.5", "/sign-in", {}, { email, password: "the right one" }), /^ok:/);
});

test("sign-in over a socket: one address is limited across accounts too, and only that address", async () => {
  const victim = "sylvain@example.test";
  await member(victim, "the right one");
  for (let n = 1; n <= LIMITS.signInAddress.points; n++) {
    const answer = await send("127.0.0.6", "/sign-in", spoofed(n), { email: `nobody${n}@example.test`, password: "x" });
    assert.equal(answer, "INVALID_CREDENTIALS", `attempt ${n}`);
  }
  assert.equal(await send("127.0.0.6", "/sign-in", {}, { email: victim, password: "the right one" }), "RATE_LIMITED");
  assert.match(await send("127.0.0.7", "/sign-in", {}, { email: victim, password: "the right one" }), /^ok:/);
});
