import assert from "node:assert/strict";
import { test } from "node:test";
import { clientAddress, clientAddressHeaders, clientIp, normalizeAddress, UNKNOWN_CLIENT } from "@/lib/security";

// The client's address comes from the socket; X-Forwarded-For only through TRUST_PROXY proxies,
// and nothing the client writes (X-Real-IP, the internal headers) ever picks its key.

const from = (socket: string | undefined, forwardedFor?: string | string[], trustedProxies = 0) =>
  clientAddress({ socket, forwardedFor, trustedProxies });

test("client address: without TRUST_PROXY the socket decides, whatever X-Forwarded-For says", () => {
  assert.equal(from("203.0.113.7"), "203.0.113.7");
  assert.equal(from("203.0.113.7", "198.51.100.2"), "203.0.113.7");
  assert.equal(from("203.0.113.7", ["198.51.100.2", "10.0.0.1"]), "203.0.113.7");
  assert.equal(from("::ffff:203.0.113.7", "198.51.100.2"), "203.0.113.7");
  assert.equal(from(undefined, "198.51.100.2"), UNKNOWN_CLIENT);
});

test("client address: TRUST_PROXY=1 takes the right-most X-Forwarded-For entry (the one the proxy wrote)", () => {
  assert.equal(from("10.0.0.1", "203.0.113.7", 1), "203.0.113.7");
  // Entries left of the proxy's are the client's own claims.
  assert.equal(from("10.0.0.1", "6.6.6.6, 203.0.113.7", 1), "203.0.113.7");
  assert.equal(from("10.0.0.1", "6.6.6.6,203.0.113.7", 1), "203.0.113.7");
  // Two header lines are one list, in order.
  assert.equal(from("10.0.0.1", ["6.6.6.6", "203.0.113.7"], 1), "203.0.113.7");
  assert.equal(from("10.0.0.1", " 2001:DB8::1 ", 1), "2001:db8::1");
  assert.equal(from("10.0.0.1", "[2001:db8::1]:4711", 1), "2001:db8::1");
  assert.equal(from("10.0.0.1", "203.0.113.7:4711", 1), "203.0.113.7");
});

test("client address: TRUST_PROXY=2 skips the nearest proxy's entry", () => {
  assert.equal(from("10.0.0.2", "6.6.6.6, 203.0.113.7, 10.0.0.1", 2), "203.0.113.7");
  assert.equal(from("10.0.0.2", "203.0.113.7, 10.0.0.1", 2), "203.0.113.7");
});

test("client address: a header too short for TRUST_PROXY, empty or malformed falls back to the socket", () => {
  assert.equal(from("10.0.0.1", undefined, 1), "10.0.0.1");
  assert.equal(from("10.0.0.1", "", 1), "10.0.0.1");
  assert.equal(from("10.0.0.1", " , ", 1), "10.0.0.1");
  assert.equal(from("10.0.0.2", "203.0.113.7", 2), "10.0.0.2");
  assert.equal(from("10.0.0.1", "6.6.6.6, not-an-address", 1), "10.0.0.1");
  assert.equal(from("10.0.0.1", "6.6.6.6, unknown", 1), "10.0.0.1");
});

test("client address: one spelling per address", () => {
  assert.equal(normalizeAddress("::ffff:1.2.3.4"), "1.2.3.4");
  assert.equal(normalizeAddress("::FFFF:0102:0304"), "1.2.3.4");
  assert.equal(normalizeAddress("2001:0DB8:0000::0001"), "2001:db8::1");
  assert.equal(normalizeAddress("::1"), "::1");
  assert.equal(normalizeAddress("1.2.3"), null);
  assert.equal(normalizeAddress("evil.example"), null);
  assert.equal(normalizeAddress(""), null);
});

test("clientIp: only a stamp from this process counts; X-Real-IP and forged internal headers never do", () => {
  const stamped = clientAddressHeaders("203.0.113.7");
  assert.equal(clientIp(new Headers(stamped)), "203.0.113.7");
  assert.equal(clientIp(new Headers({ ...stamped, "x-real-ip": "198.51.100.2" })), "203.0.113.7");
  // Unstamped requests (the app reached without scripts/serve.ts) share one key.
  assert.equal(clientIp(new Headers({ "x-real-ip": "198.51.100.2" })), UNKNOWN_CLIENT);
  assert.equal(clientIp(new Headers({ "x-forwarded-for": "198.51.100.2" })), UNKNOWN_CLIENT);
  assert.equal(clientIp(new Headers({ "x-tribune-client-ip": "198.51.100.2" })), UNKNOWN_CLIENT);
  // A stamp is only valid for its own address.
  const other = { ...stamped, "x-tribune-client-ip": "198.51.100.2" };
  assert.equal(clientIp(new Headers(other)), UNKNOWN_CLIENT);
  assert.equal(clientIp(new Headers({ ...stamped, "x-tribune-client-stamp": "forged" })), UNKNOWN_CLIENT);
});

test("clientIp: an IPv6 client counts by its /64 network", () => {
  const key = (address: string) => clientIp(new Headers(clientAddressHeaders(normalizeAddress(address)!)));
  assert.equal(key("2001:db8:1:2::1"), "2001:db8:1:2::/64");
  assert.equal(key("2001:db8:1:2:ffff:1:2:3"), "2001:db8:1:2::/64");
  assert.notEqual(key("2001:db8:1:3::1"), key("2001:db8:1:2::1"));
  assert.equal(key("::ffff:203.0.113.7"), "203.0.113.7");
});
