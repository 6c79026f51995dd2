import assert from "node:assert/strict";
import { test } from "node:test";
import { AppError } from "@/lib/errors";
import { assertSameOrigin } from "@/lib/security";

process.env.NEXTAUTH_URL = "https://tribune.example";

const SESSION = "next-auth.session-token=abc";
const request = (headers: Record<string, string>, method = "POST", url = "https://tribune.example/api/thing") =>
  new Request(url, { method, headers: { host: "tribune.example", ...headers } });
const refused = (error: unknown) => error instanceof AppError && error.code === "FORBIDDEN";

const allowed: [string, Request][] = [
  ["no session cookie", request({ origin: "https://evil.example" })],
  ["another cookie only", request({ cookie: "NEXT_LOCALE=fr", origin: "https://evil.example" })],
  ["a Bearer token", request({ cookie: SESSION, authorization: "Bearer t0ken", origin: "https://evil.example" })],
  ["a safe method", request({ cookie: SESSION, origin: "https://evil.example" }, "GET")],
  ["the app's origin", request({ cookie: SESSION, origin: "https://tribune.example" })],
  ["the Host's origin", request({ cookie: SESSION, origin: "http://127.0.0.1:3100", host: "127.0.0.1:3100" })],
  ["no Origin but Sec-Fetch-Site", request({ cookie: SESSION, "sec-fetch-site": "same-origin" })],
  ["no Origin but a same-origin Referer", request({ cookie: SESSION, referer: "https://tribune.example/a/b" })],
  ["the secure cookie, same origin", request({ cookie: `__Secure-${SESSION}`, origin: "https://tribune.example" })],
];

const refusedCases: [string, Request][] = [
  ["another origin", request({ cookie: SESSION, origin: "https://evil.example" })],
  [
    "the secure cookie, another origin",
    request({ cookie: `x=1; __Secure-${SESSION}`, origin: "https://evil.example" }),
  ],
  [
    "a chunked cookie, another origin",
    request({ cookie: "next-auth.session-token.0=a", origin: "https://evil.example" }),
  ],
  ["Origin null", request({ cookie: SESSION, origin: "null" })],
  ["a look-alike origin", request({ cookie: SESSION, origin: "https://tribune.example.evil.example" })],
  ["no Origin and nothing else", request({ cookie: SESSION })],
  ["no Origin, cross-site", request({ cookie: SESSION, "sec-fetch-site": "cross-site" })],
  ["no Origin, foreign Referer", request({ cookie: SESSION, referer: "https://evil.example/tribune.example" })],
  ["an empty Bearer", request({ cookie: SESSION, authorization: "Bearer ", origin: "https://evil.example" })],
  ["DELETE from elsewhere", request({ cookie: SESSION, origin: "https://evil.example" }, "DELETE")],
];

for (const [name, req] of allowed) {
  test(`csrf: allows a request with ${name}`, () => assert.doesNotThrow(() => assertSameOrigin(req)));
}
for (const [name, req] of refusedCases) {
  test(`csrf: refuses a cookie-authenticated mutation with ${name}`, () => {
    assert.throws(() => assertSameOrigin(req), refused);
    assert.throws(() => assertSameOrigin(req), /Cross-site request refused/);
  });
}
