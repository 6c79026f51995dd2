import assert from "node:assert/strict";
import { test } from "node:test";
import { EnvSchema } from "@/lib/env";
import { checkUrl, classifyAddress, FetchError, parseFetchAllow, redactUrl } from "@/lib/http";

// The address classifier of the guarded HTTP client, fed what the URL parser makes of a host
// (the client never sees another spelling), FETCH_ALLOW's parser, and the URL checks.

/** hostOf: the address the client classifies for `host` written in a URL. */
const hostOf = (host: string) => new URL(`http://${host}/`).hostname;

const LOOPBACK_SPELLINGS = [
  "127.0.0.1",
  "127.1",
  "0x7f.1",
  "0x7f000001",
  "2130706433",
  "017700000001",
  "0177.0.0.1",
  "127.000.000.001",
  "127.255.255.254",
  "[::1]",
  "[0:0:0:0:0:0:0:1]",
  "[::ffff:127.0.0.1]",
  "[::ffff:7f00:1]",
  "[0:0:0:0:0:ffff:127.0.0.1]",
  "[::127.0.0.1]",
  "[64:ff9b::127.0.0.1]",
  "[2002:7f00:1::]",
];

test("classifier: every spelling of loopback the URL parser accepts is refused", () => {
  for (const spelling of LOOPBACK_SPELLINGS) {
    const range = classifyAddress(hostOf(spelling));
    assert.ok(range !== null, `${spelling} (${hostOf(spelling)}) must be refused`);
    assert.match(range, /loopback|IPv4-compatible/, spelling);
  }
});

test("classifier: reserved ranges of IPv4 and IPv6 are refused, each by name", () => {
  const table: [string, RegExp][] = [
    ["0.0.0.0", /unspecified/],
    ["0", /unspecified/],
    ["[::]", /^unspecified$/],
    ["169.254.169.254", /link-local/],
    ["10.0.0.1", /private/],
    ["10.255.255.255", /private/],
    ["172.16.0.1", /private/],
    ["172.31.255.255", /private/],
    ["192.168.1.1", /private/],
    ["100.64.0.1", /CGNAT/],
    ["100.127.255.255", /CGNAT/],
    ["192.0.0.8", /IETF/],
    ["192.0.2.1", /documentation/],
    ["198.51.100.7", /documentation/],
    ["203.0.113.9", /documentation/],
    ["198.18.0.1", /benchmarking/],
    ["198.19.255.255", /benchmarking/],
    ["224.0.0.1", /multicast/],
    ["239.255.255.250", /multicast/],
    ["240.0.0.1", /reserved/],
    ["255.255.255.255", /reserved/],
    ["[fc00::1]", /unique local/],
    ["[fd12:3456::1]", /unique local/],
    ["[fe80::1]", /link-local/],
    ["[febf::1]", /link-local/],
    ["[fec0::1]", /site-local/],
    ["[ff02::1]", /multicast/],
    ["[ff05::2]", /multicast/],
    ["[::ffff:10.0.0.1]", /IPv4-mapped private/],
    ["[::ffff:169.254.169.254]", /IPv4-mapped link-local/],
    ["[64:ff9b::10.1.2.3]", /NAT64 private/],
    ["[64:ff9b:1::1]", /local-use NAT64/],
    ["[2002:c0a8:101::1]", /6to4 private/],
    ["[2001:db8::1]", /documentation/],
    ["[3fff::1]", /documentation/],
    ["[2001::1]", /Teredo/],
    ["[2001:2::1]", /IETF/],
    ["[100::1]", /discard/],
    ["[::7f00:1]", /IPv4-compatible/],
    ["[4000::1]", /not global unicast/],
  ];
  for (const [host, expected] of table) {
    const range = classifyAddress(hostOf(host));
    assert.ok(range !== null, `${host} must be refused`);
    assert.match(range, expected, host);
  }
});

test("classifier: public addresses pass, bare and embedded in IPv6", () => {
  for (const host of [
    "1.1.1.1",
    "8.8.8.8",
    "93.184.216.34",
    "100.63.255.255",
    "100.128.0.0",
    "172.15.255.255",
    "172.32.0.0",
    "192.169.0.1",
    "198.20.0.1",
    "223.255.255.255",
    "11.0.0.1",
    "[2606:4700::1111]",
    "[2a00:1450:4007::200e]",
    "[2001:4860:4860::8888]",
    "[::ffff:1.1.1.1]",
    "[64:ff9b::1.1.1.1]",
    "[2002:101:101::1]",
  ]) {
    assert.equal(classifyAddress(hostOf(host)), null, host);
  }
});

test("classifier: text that is not an address is refused, never taken as public", () => {
  for (const text of ["localhost", "", "1.2.3", "01.2.3.4", "::g", "example.org"]) {
    assert.equal(classifyAddress(text), "not an IP address", text);
  }
  assert.equal(classifyAddress("fe80::1%eth0"), "link-local");
});

test("FETCH_ALLOW: host names, addresses and CIDR ranges of both families", () => {
  assert.deepEqual(parseFetchAllow(""), { hosts: [], ranges: [] });
  assert.deepEqual(parseFetchAllow(undefined), { hosts: [], ranges: [] });
  assert.deepEqual(parseFetchAllow(" Akismet.Internal. , localhost,,127.0.0.1, 10.0.0.0/8, [::1], fd00::/8, 127.1 "), {
    hosts: ["akismet.internal", "localhost"],
    ranges: [
      { address: "127.0.0.1", prefix: 32, family: 4 },
      { address: "10.0.0.0", prefix: 8, family: 4 },
      { address: "::1", prefix: 128, family: 6 },
      { address: "fd00::", prefix: 8, family: 6 },
      { address: "127.0.0.1", prefix: 32, family: 4 },
    ],
  });
});

test("FETCH_ALLOW: bad entries are refused at start, each named", () => {
  for (const bad of [
    "10.0.0.0/33",
    "fd00::/129",
    "10.0.0/8",
    "example.org/24",
    "*.example.org",
    "host:8080",
    "http://x",
    "a b",
    "user@host",
    "10.0.0.0/x",
  ]) {
    assert.throws(() => parseFetchAllow(bad), /FETCH_ALLOW/, bad);
    const result = EnvSchema.safeParse({ FETCH_ALLOW: `127.0.0.1,${bad}` });
    assert.equal(result.success, false, bad);
    const message = result.error!.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("\n");
    assert.match(message, /^FETCH_ALLOW: /);
    assert.ok(message.includes(`"${bad}"`), message);
  }
  const good = EnvSchema.parse({ FETCH_ALLOW: "127.0.0.1, stand-in.test, 192.168.0.0/16" });
  assert.equal(good.FETCH_ALLOW, "127.0.0.1, stand-in.test, 192.168.0.0/16");
  const defaults = EnvSchema.parse({});
  assert.equal(defaults.FETCH_ALLOW, "");
  assert.equal(defaults.FETCH_TIMEOUT_MS, 5000);
  assert.equal(defaults.FETCH_MAX_BYTES, 1048576);
  assert.equal(EnvSchema.safeParse({ FETCH_TIMEOUT_MS: "0" }).success, false);
  assert.equal(EnvSchema.safeParse({ FETCH_MAX_BYTES: "lots" }).success, false);
});

test("URL check: http and https only, no credentials; logs see no query string", () => {
  assert.equal(checkUrl("https://example.org/a?b=c").hostname, "example.org");
  for (const [url, code] of [
    ["file:///etc/passwd", "SCHEME"],
    ["ftp://example.org/", "SCHEME"],
    ["gopher://example.org/", "SCHEME"],
    ["data:text/plain,hi", "SCHEME"],
    ["javascript:alert(1)", "SCHEME"],
    ["https://user:pass@example.org/", "CREDENTIALS"],
    ["https://user@example.org/", "CREDENTIALS"],
    ["not a url", "INVALID_REQUEST"],
  ] as const) {
    assert.throws(
      () => checkUrl(url),
      (error: unknown) => error instanceof FetchError && error.code === code,
      url,
    );
  }
  assert.equal(redactUrl("https://u:p@example.org:8443/verify?key=secret#x"), "https://example.org:8443/verify");
});
