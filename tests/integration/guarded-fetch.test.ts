// The guarded HTTP client over real sockets, against fixture servers on loopback only:
// "near" on 127.0.0.1 and "far" on 127.0.0.2 (every 127.0.0.x reaches lo on Linux), so that
// allowing one loopback address and not the other stands for "public" and "private".
import assert from "node:assert/strict";
import http, { type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, beforeEach, test } from "node:test";
import { FetchError, type FetchErrorCode, guardedFetch, type GuardedFetchOptions } from "@/lib/http";

type Fixture = { server: Server; port: number; hits: string[]; base: string };

function route(fixture: () => Fixture, req: IncomingMessage, res: ServerResponse, body: string): void {
  const url = new URL(req.url ?? "/", "http://fixture");
  fixture().hits.push(url.pathname);
  const [, name, arg = ""] = url.pathname.split("/");
  switch (name) {
    case "ok":
      return void res.end("hello");
    case "echo":
      res.setHeader("content-type", "application/json");
      return void res.end(JSON.stringify({ method: req.method, headers: req.headers, body }));
    case "hops": {
      const left = Number(arg);
      if (left === 0) return void res.end("arrived");
      res.writeHead(302, { location: `/hops/${left - 1}` });
      return void res.end();
    }
    case "to":
      res.writeHead(Number(url.searchParams.get("status") ?? 302), { location: url.searchParams.get("url") ?? "/" });
      return void res.end();
    case "bytes":
      // Chunked: no Content-Length announces the size.
      res.write("x".repeat(Number(arg)));
      return void res.end();
    case "declared":
      res.writeHead(200, { "content-length": arg });
      res.write("x".repeat(Math.min(Number(arg), 10)));
      return;
    case "stall-headers":
      return;
    case "stall-body":
      res.writeHead(200, { "content-length": "100" });
      res.write("first bytes");
      return;
    default:
      res.statusCode = 404;
      res.end();
  }
}

async function startFixture(host: string): Promise<Fixture> {
  const fixture = { hits: [] as string[] } as unknown as Fixture;
  fixture.server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => route(() => fixture, req, res, Buffer.concat(chunks).toString()));
  });
  await new Promise<void>((resolve) => fixture.server.listen(0, host, resolve));
  fixture.port = (fixture.server.address() as AddressInfo).port;
  fixture.base = `http://${host}:${fixture.port}`;
  return fixture;
}

let near: Fixture;
let far: Fixture;

before(async () => {
  near = await startFixture("127.0.0.1");
  far = await startFixture("127.0.0.2");
});
after(async () => {
  for (const fixture of [near, far]) {
    fixture.server.closeAllConnections();
    await new Promise((resolve) => fixture.server.close(resolve));
  }
});
beforeEach(() => {
  near.hits.length = 0;
  far.hits.length = 0;
});

async function refusal(url: string, options: GuardedFetchOptions): Promise<FetchErrorCode> {
  try {
    const response = await guardedFetch(url, options);
    throw new Error(`expected a refusal, got ${response.status} from ${response.url}`);
  } catch (error) {
    if (!(error instanceof FetchError)) throw error;
    assert.ok(!error.message.includes("secret"), `no query string in messages: ${error.message}`);
    return error.code;
  }
}

test("guarded fetch: with FETCH_ALLOW empty, every spelling of loopback is refused before any connection", async () => {
  const port = near.port;
  const spellings = [
    "127.0.0.1",
    "127.1",
    "0x7f.1",
    "2130706433",
    "017700000001",
    "0x7f000001",
    "[::1]",
    "[::ffff:127.0.0.1]",
    "[::ffff:7f00:1]",
    "[::127.0.0.1]",
    "0.0.0.0",
    "0",
    "[::]",
    "localhost",
    "LOCALHOST",
  ];
  for (const host of spellings) {
    assert.equal(await refusal(`http://${host}:${port}/ok?key=secret`, { allow: "" }), "REFUSED_ADDRESS", host);
  }
  // Whether the resolver knows "localhost." or not, nothing is fetched.
  assert.match(await refusal(`http://localhost.:${port}/ok`, { allow: "" }), /^(REFUSED_ADDRESS|DNS)$/);
  // The environment's FETCH_ALLOW is empty by default.
  if (!process.env.FETCH_ALLOW) assert.equal(await refusal(`${near.base}/ok`, {}), "REFUSED_ADDRESS");
  assert.deepEqual(near.hits, []);
});

test("guarded fetch: an allowed address answers with status, final URL, headers and body; cookies never leave", async () => {
  const response = await guardedFetch(`${near.base}/echo?q=1`, {
    allow: "127.0.0.1",
    headers: { cookie: "session=stolen", "x-custom": "kept", Host: "evil.example" },
  });
  assert.equal(response.status, 200);
  assert.equal(response.url, `${near.base}/echo?q=1`);
  assert.equal(response.headers.get("content-type"), "application/json");
  const echoed = JSON.parse(response.text()) as { method: string; headers: Record<string, string> };
  assert.equal(echoed.method, "GET");
  assert.equal(echoed.headers.cookie, undefined);
  assert.equal(echoed.headers.host, `127.0.0.1:${near.port}`);
  assert.equal(echoed.headers["x-custom"], "kept");
  assert.match(echoed.headers["user-agent"] ?? "", /^Tribune \(\+https?:\/\/.+\)$/);

  // A CIDR entry, and an IPv4-mapped spelling of an allowed address.
  for (const [url, allow] of [
    [`${near.base}/ok`, "127.0.0.0/8"],
    [`http://127.1:${near.port}/ok`, "127.0.0.1"],
    [`${near.base}/ok`, "::ffff:127.0.0.0/104"],
  ] as const) {
    const ok = await guardedFetch(url, { allow });
    assert.equal(ok.text(), "hello", `${url} with ${allow}`);
  }
});

test("guarded fetch: FETCH_ALLOW host names match the URL's host, whatever it resolves to", async () => {
  const resolve = async () => [{ address: "127.0.0.1", family: 4 }];
  const url = `http://stand-in.test:${near.port}/ok`;
  assert.equal(await refusal(url, { allow: "", resolve }), "REFUSED_ADDRESS");
  assert.equal(await refusal(url, { allow: "other.test", resolve }), "REFUSED_ADDRESS");
  assert.equal((await guardedFetch(url, { allow: "Stand-In.test", resolve })).text(), "hello");
  assert.equal((await guardedFetch(`http://localhost:${near.port}/ok`, { allow: "localhost" })).text(), "hello");
});

test("guarded fetch: the name is resolved once and the connection goes to the address checked", async () => {
  // A DNS that answers an allowed address first and a refused one after (rebinding).
  let lookups = 0;
  const resolve = async () => {
    lookups += 1;
    return [{ address: lookups === 1 ? "127.0.0.2" : "127.0.0.1", family: 4 }];
  };
  const response = await guardedFetch(`http://rebind.test:${far.port}/ok`, { allow: "127.0.0.2", resolve });
  assert.equal(response.text(), "hello");
  assert.equal(lookups, 1);
  assert.deepEqual(far.hits, ["/ok"]);

  // Answers mixing refused and allowed addresses: only the allowed ones are ever tried.
  const mixed = async () => [
    { address: "127.0.0.1", family: 4 },
    { address: "127.0.0.2", family: 4 },
  ];
  assert.equal(
    (await guardedFetch(`http://mixed.test:${far.port}/ok`, { allow: "127.0.0.2", resolve: mixed })).text(),
    "hello",
  );
  assert.deepEqual(near.hits, []);
  assert.equal(await refusal(`http://nowhere.test:${far.port}/ok`, { allow: "", resolve: async () => [] }), "DNS");
});

test("guarded fetch: up to 5 redirects are followed, a 6th is refused", async () => {
  const five = await guardedFetch(`${near.base}/hops/5`, { allow: "127.0.0.1" });
  assert.equal(five.text(), "arrived");
  assert.equal(five.redirects, 5);
  assert.equal(five.url, `${near.base}/hops/0`);
  assert.equal(await refusal(`${near.base}/hops/6`, { allow: "127.0.0.1" }), "REDIRECTS");
  // 5 is a ceiling no caller raises.
  assert.equal(await refusal(`${near.base}/hops/6`, { allow: "127.0.0.1", maxRedirects: 10 }), "REDIRECTS");
  assert.equal(await refusal(`${near.base}/hops/2`, { allow: "127.0.0.1", maxRedirects: 1 }), "REDIRECTS");
});

test("guarded fetch: every redirect is checked again (address, scheme, credentials)", async () => {
  const via = (target: string, status = 302) => `${far.base}/to?status=${status}&url=${encodeURIComponent(target)}`;
  const allowFar = { allow: "127.0.0.2" };
  for (const target of [
    `${near.base}/ok`,
    `http://127.1:${near.port}/ok`,
    `http://localhost:${near.port}/ok`,
    `http://[::1]:${near.port}/ok`,
    `http://[::ffff:127.0.0.1]:${near.port}/ok`,
    `http://169.254.169.254/latest/meta-data/`,
    `http://10.0.0.1/`,
  ]) {
    assert.equal(await refusal(via(target), allowFar), "REFUSED_ADDRESS", target);
    assert.equal(await refusal(via(target, 307), allowFar), "REFUSED_ADDRESS", `307 ${target}`);
  }
  assert.equal(await refusal(via("file:///etc/passwd"), allowFar), "SCHEME");
  assert.equal(await refusal(via("gopher://127.0.0.2/"), allowFar), "SCHEME");
  assert.equal(await refusal(via(`http://user:pw@127.0.0.2:${far.port}/ok`), allowFar), "CREDENTIALS");
  assert.deepEqual(near.hits, []);
  // Allowed on both ends, the same redirect is followed.
  assert.equal((await guardedFetch(via(`${near.base}/ok`), { allow: "127.0.0.1,127.0.0.2" })).text(), "hello");
});

test("guarded fetch: redirects after a POST, and credentials across origins", async () => {
  const allow = "127.0.0.1,127.0.0.2";
  const post = (url: string) =>
    guardedFetch(url, {
      allow,
      method: "POST",
      body: new URLSearchParams({ comment_content: "hi" }),
      headers: { authorization: "Bearer trb_secret" },
    });
  const seeOther = JSON.parse((await post(`${near.base}/to?status=303&url=/echo`)).text());
  assert.equal(seeOther.method, "GET");
  assert.equal(seeOther.body, "");
  assert.equal(seeOther.headers.authorization, "Bearer trb_secret");
  const kept = JSON.parse((await post(`${near.base}/to?status=307&url=/echo`)).text());
  assert.equal(kept.method, "POST");
  assert.equal(kept.body, "comment_content=hi");
  assert.equal(kept.headers["content-type"], "application/x-www-form-urlencoded");
  const elsewhere = JSON.parse(
    (await post(`${near.base}/to?status=307&url=${encodeURIComponent(`${far.base}/echo`)}`)).text(),
  );
  assert.equal(elsewhere.method, "POST");
  assert.equal(elsewhere.headers.authorization, undefined);
});

test("guarded fetch: a body over the byte limit is refused as too large", async () => {
  const options = { allow: "127.0.0.1", maxBytes: 1000 };
  assert.equal((await guardedFetch(`${near.base}/bytes/1000`, options)).body.length, 1000);
  assert.equal(await refusal(`${near.base}/bytes/1001`, options), "TOO_LARGE");
  assert.equal(await refusal(`${near.base}/bytes/5000000`, options), "TOO_LARGE");
  assert.equal(await refusal(`${near.base}/declared/1000000000`, options), "TOO_LARGE");
  // The default limit (FETCH_MAX_BYTES, 1 MB).
  assert.equal(await refusal(`${near.base}/bytes/1100000`, { allow: "127.0.0.1" }), "TOO_LARGE");
});

test("guarded fetch: a server that stalls is given up at the time limit", async () => {
  const options = { allow: "127.0.0.1", timeoutMs: 300 };
  assert.equal(await refusal(`${near.base}/stall-headers`, options), "TIMEOUT");
  assert.equal(await refusal(`${near.base}/stall-body`, options), "TIMEOUT");
  // The caller's own signal ends it too.
  const controller = new AbortController();
  const pending = refusal(`${near.base}/stall-headers`, { allow: "127.0.0.1", signal: controller.signal });
  controller.abort();
  assert.equal(await pending, "ABORTED");
  // The server is still there for others.
  assert.equal((await guardedFetch(`${near.base}/ok`, options)).text(), "hello");
});

test("guarded fetch: schemes other than http and https are refused", async () => {
  for (const url of [
    "file:///etc/passwd",
    `ftp://127.0.0.1:${near.port}/`,
    `ws://127.0.0.1:${near.port}/`,
    "data:text/plain,hello",
    `gopher://127.0.0.1:${near.port}/`,
  ]) {
    assert.equal(await refusal(url, { allow: "127.0.0.1" }), "SCHEME", url);
  }
  assert.equal(await refusal(`http://u:p@127.0.0.1:${near.port}/ok`, { allow: "127.0.0.1" }), "CREDENTIALS");
  assert.equal(await refusal("https://", { allow: "127.0.0.1" }), "INVALID_REQUEST");
  assert.deepEqual(near.hits, []);
});
