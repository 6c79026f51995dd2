import assert from "node:assert/strict";
import { test } from "node:test";
import { loginPath, MAX_RETURN_PATH_LENGTH, refererPath, safeReturnPath, safeReturnUrl } from "@/lib/security";

// Every value a browser could read as another host, or that is not a plain path of ours.
const hostile: [string, unknown][] = [
  ["protocol-relative", "//evil.example"],
  ["protocol-relative with a path", "//evil.example/login"],
  ["backslash after the slash", "/\\evil.example"],
  ["backslash later", "/a\\b"],
  ["two backslashes", "\\\\evil.example"],
  ["tab between slashes", "/\t/evil.example"],
  ["newline between slashes", "/\n/evil.example"],
  ["carriage return between slashes", "/\r/evil.example"],
  ["leading tab", "\t//evil.example"],
  ["NUL", "/\u0000/evil.example"],
  ["NUL at the end", "/settings\u0000"],
  ["DEL", "/\u007f/evil.example"],
  ["C1 control", "/\u0085/evil.example"],
  ["escape", "/\u001b"],
  ["absolute http", "http://evil.example/"],
  ["absolute https", "https://evil.example/settings"],
  ["scheme-relative with a colon", "https:evil.example"],
  ["javascript:", "javascript:alert(1)"],
  ["javascript: after a slash-less path", "javascript://%0aalert(1)"],
  ["data:", "data:text/html,<script>alert(1)</script>"],
  ["dot segments that end as //", "/..//evil.example"],
  ["dot segment then //", "/.//evil.example"],
  ["encoded dot segments", "/%2e%2e//evil.example"],
  ["mixed dot segments", "/.%2e/.%2e//evil.example"],
  ["relative path", "settings"],
  ["empty", ""],
  ["too long", `/${"a".repeat(MAX_RETURN_PATH_LENGTH)}`],
  ["not a string", ["/settings"]],
  ["undefined", undefined],
  ["a number", 42],
];

const good: [string, string, string][] = [
  ["root", "/", "/"],
  ["a page", "/settings", "/settings"],
  ["an article with a fragment", "/les-idees/un-article#discussion", "/les-idees/un-article#discussion"],
  ["a query", "/search?q=d%C3%A9bat&page=2", "/search?q=d%C3%A9bat&page=2"],
  ["slashes inside the query and fragment", "/a?next=//b#//c", "/a?next=//b#//c"],
  ["dot segments that stay local", "/a/../b", "/b"],
  ["dot segments above the root", "/../../settings", "/settings"],
  ["an encoded tab stays encoded (browsers keep it in the path)", "/%09/evil.example", "/%09/evil.example"],
  ["encoded slashes stay encoded", "/%2F%2Fevil.example", "/%2F%2Fevil.example"],
  ["a space is encoded", "/a b", "/a%20b"],
  ["non-ASCII is encoded", "/débat", "/d%C3%A9bat"],
];

test("safeReturnPath refuses every hostile return address", () => {
  for (const [name, value] of hostile) {
    assert.equal(safeReturnPath(value), "/", name);
    assert.equal(safeReturnPath(value, "/write"), "/write", `${name} (own fallback)`);
  }
});

test("safeReturnPath keeps local paths, normalised", () => {
  for (const [name, value, expected] of good) assert.equal(safeReturnPath(value), expected, name);
});

test("every accepted address stays on this origin when a browser follows it", () => {
  const origin = "https://tribune.example";
  for (const [, value] of [...hostile, ...good]) {
    const path = safeReturnPath(value);
    assert.ok(path.startsWith("/") && !path.startsWith("//"), path);
    assert.equal(new URL(path, `${origin}/some/page`).origin, origin, String(value));
  }
});

test("safeReturnUrl (next-auth's redirect callback) keeps this origin only", () => {
  const base = "https://tribune.example";
  assert.equal(safeReturnUrl("/settings#x", base), `${base}/settings#x`);
  assert.equal(safeReturnUrl(`${base}/write?x=1`, base), `${base}/write?x=1`);
  assert.equal(safeReturnUrl("https://tribune.example.evil.example/", base), base);
  assert.equal(safeReturnUrl("https://evil.example/", base), base);
  assert.equal(safeReturnUrl(`${base}//evil.example`, base), base);
  assert.equal(safeReturnUrl(`${base}/..//evil.example`, base), base);
  for (const [name, value] of hostile) assert.equal(safeReturnUrl(value, base), base, name);
});

test("refererPath and loginPath never lead elsewhere", () => {
  assert.equal(refererPath("https://tribune.example/les-idees?page=2"), "/les-idees?page=2");
  assert.equal(refererPath("https://tribune.example//evil.example/x"), "/");
  assert.equal(refererPath("not a url"), "/");
  assert.equal(refererPath(null), "/");
  assert.equal(loginPath("/write/blog/posts"), "/login?from=%2Fwrite%2Fblog%2Fposts");
  assert.equal(loginPath("//evil.example"), "/login?from=%2F");
});
