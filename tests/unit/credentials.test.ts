import assert from "node:assert/strict";
import { test } from "node:test";
import { AppError } from "@/lib/errors";
import { assertSameOrigin, readCredentials } from "@/lib/security";

// One reading of credentials for authentication and the CSRF check: every spelling of the
// Authorization header is either a bearer token or refused, and never leaves the cookie in charge.

process.env.NEXTAUTH_URL = "https://tribune.example";
const SESSION = "next-auth.session-token=abc";
const TOKEN = "trb_AbC-123_x.y~z+/==";
const headers = (init: Record<string, string>) => new Headers(init);

const bearerSpellings = [
  `Bearer ${TOKEN}`,
  `bearer ${TOKEN}`,
  `BEARER ${TOKEN}`,
  `bEaReR ${TOKEN}`,
  `Bearer    ${TOKEN}`,
  `Bearer\t${TOKEN}`,
  `  Bearer ${TOKEN}  `,
  `bearer \t ${TOKEN}\t`,
];
for (const spelling of bearerSpellings) {
  test(`credentials: ${JSON.stringify(spelling)} is the bearer token, with or without a session cookie`, () => {
    assert.deepEqual(readCredentials(headers({ authorization: spelling })), { kind: "bearer", token: TOKEN });
    assert.deepEqual(readCredentials(headers({ authorization: spelling, cookie: SESSION })), {
      kind: "bearer",
      token: TOKEN,
    });
  });
}

const malformed = [
  "",
  "   ",
  "Bearer",
  "Bearer ",
  "Bearer    ",
  "Bearertrb_abc",
  `Bearer ${TOKEN} extra`,
  `Bearer ${TOKEN}, Bearer other`,
  "Basic dXNlcjpwYXNz",
  `Token ${TOKEN}`,
  `${TOKEN}`,
  "Bearer tr\u00e9b",
  "Bearer =abc",
];
for (const spelling of malformed) {
  test(`credentials: ${JSON.stringify(spelling)} is invalid, never the session cookie`, () => {
    assert.deepEqual(readCredentials(headers({ authorization: spelling, cookie: SESSION })), { kind: "invalid" });
    assert.deepEqual(readCredentials(headers({ authorization: spelling })), { kind: "invalid" });
  });
}

test("credentials: without Authorization, the session cookie (plain, secure or chunked), else none", () => {
  assert.deepEqual(readCredentials(headers({ cookie: SESSION })), { kind: "session" });
  assert.deepEqual(readCredentials(headers({ cookie: `a=1; __Secure-${SESSION}` })), { kind: "session" });
  assert.deepEqual(readCredentials(headers({ cookie: "next-auth.session-token.0=a" })), { kind: "session" });
  assert.deepEqual(readCredentials(headers({ cookie: "tribune_locale=fr" })), { kind: "none" });
  assert.deepEqual(readCredentials(headers({ cookie: "xnext-auth.session-token=a" })), { kind: "none" });
  assert.deepEqual(readCredentials(headers({})), { kind: "none" });
});

test("credentials: the CSRF check skips a cross-site cookie request only for a well-formed bearer token", () => {
  const post = (authorization: string) =>
    new Request("https://tribune.example/api/v1/me", {
      method: "PATCH",
      headers: { host: "tribune.example", cookie: SESSION, origin: "https://evil.example", authorization },
    });
  for (const spelling of bearerSpellings) assert.doesNotThrow(() => assertSameOrigin(post(spelling)));
  for (const spelling of malformed) {
    assert.throws(
      () => assertSameOrigin(post(spelling)),
      (error) => error instanceof AppError && error.code === "FORBIDDEN",
      JSON.stringify(spelling),
    );
  }
});
