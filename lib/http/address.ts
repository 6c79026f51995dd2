// Which IP addresses a server-side fetch may reach: every address that is not global unicast
// (IANA's special-purpose registries for IPv4 and IPv6) is refused, and IPv6 forms that carry
// an IPv4 address (mapped, NAT64, 6to4) are judged by that IPv4 address.
import { isIP } from "node:net";
import type { AllowedRange, FetchAllowList } from "./allow-list.js";

type Range = { bytes: Uint8Array; prefix: number; name: string };

/** parseIp: the address's bytes (4 or 16), or null when the text is not an IP address (a zone id is dropped). */
function parseIp(text: string): Uint8Array | null {
  const address = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
  const bare = address.split("%")[0] ?? "";
  const family = isIP(bare);
  if (family === 4) return parseV4(bare);
  if (family === 6) return parseV6(bare);
  return null;
}

function parseV4(text: string): Uint8Array | null {
  const parts = text.split(".");
  if (parts.length !== 4 || parts.some((part) => !/^(0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255)) return null;
  return Uint8Array.from(parts.map(Number));
}

/** parseV6: text already checked by isIP, so only the shape (::, a dotted tail) is left to read. */
function parseV6(text: string): Uint8Array | null {
  let source = text.toLowerCase();
  const lastColon = source.lastIndexOf(":");
  if (source.includes(".", lastColon)) {
    const v4 = parseV4(source.slice(lastColon + 1));
    if (!v4) return null;
    const high = ((v4[0]! << 8) | v4[1]!).toString(16);
    const low = ((v4[2]! << 8) | v4[3]!).toString(16);
    source = `${source.slice(0, lastColon + 1)}${high}:${low}`;
  }
  const [head = "", tail] = source.split("::");
  const headGroups = head ? head.split(":") : [];
  const tailGroups = tail ? tail.split(":") : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  if (missing < 0 || (tail === undefined && missing !== 0)) return null;
  const groups = [...headGroups, ...Array<string>(missing).fill("0"), ...tailGroups];
  const bytes = new Uint8Array(16);
  groups.forEach((group, index) => {
    const value = parseInt(group, 16);
    bytes[index * 2] = value >> 8;
    bytes[index * 2 + 1] = value & 0xff;
  });
  return bytes;
}

function range(address: string, prefix: number, name: string): Range {
  const bytes = parseIp(address);
  if (!bytes) throw new Error(`bad reserved range ${address}`);
  return { bytes, prefix, name };
}

/** inPrefix: whether the first `prefix` bits of `address` equal those of `network` (same family). */
function inPrefix(address: Uint8Array, network: Uint8Array, prefix: number): boolean {
  if (address.length !== network.length) return false;
  for (let bit = 0; bit < prefix; bit += 8) {
    const width = Math.min(8, prefix - bit);
    const mask = (0xff << (8 - width)) & 0xff;
    if ((address[bit / 8]! & mask) !== (network[bit / 8]! & mask)) return false;
  }
  return true;
}

const V4_RESERVED: Range[] = [
  range("0.0.0.0", 8, "unspecified (this network)"),
  range("10.0.0.0", 8, "private"),
  range("100.64.0.0", 10, "shared (CGNAT)"),
  range("127.0.0.0", 8, "loopback"),
  range("169.254.0.0", 16, "link-local"),
  range("172.16.0.0", 12, "private"),
  range("192.0.0.0", 24, "IETF protocol assignments"),
  range("192.0.2.0", 24, "documentation"),
  range("192.88.99.0", 24, "6to4 relay anycast"),
  range("192.168.0.0", 16, "private"),
  range("198.18.0.0", 15, "benchmarking"),
  range("198.51.100.0", 24, "documentation"),
  range("203.0.113.0", 24, "documentation"),
  range("224.0.0.0", 4, "multicast"),
  range("240.0.0.0", 4, "reserved (and broadcast)"),
];

const V6_RESERVED: Range[] = [
  range("::", 128, "unspecified"),
  range("::1", 128, "loopback"),
  range("::", 96, "IPv4-compatible (deprecated)"),
  range("64:ff9b:1::", 48, "local-use NAT64"),
  range("100::", 64, "discard-only"),
  range("2001::", 23, "IETF protocol assignments (Teredo, benchmarking, ORCHID)"),
  range("2001:db8::", 32, "documentation"),
  range("3fff::", 20, "documentation"),
  range("5f00::", 16, "segment routing (SRv6)"),
  range("fc00::", 7, "unique local (private)"),
  range("fe80::", 10, "link-local"),
  range("fec0::", 10, "site-local (deprecated)"),
  range("ff00::", 8, "multicast"),
];

/** Prefixes whose IPv6 addresses carry an IPv4 address, judged by that address: [range, offset of the IPv4 bytes]. */
const V6_EMBEDDING: [Range, number][] = [
  [range("::ffff:0:0", 96, "IPv4-mapped"), 12],
  [range("64:ff9b::", 96, "NAT64"), 12],
  [range("2002::", 16, "6to4"), 2],
];

const GLOBAL_UNICAST = range("2000::", 3, "global unicast");

/** classifyAddress: the name of the reserved range `address` lies in, or null for a public (global unicast) address; text that is no IP address is "not an IP address". */
export function classifyAddress(address: string): string | null {
  const bytes = parseIp(address);
  if (!bytes) return "not an IP address";
  return classifyBytes(bytes);
}

function classifyBytes(bytes: Uint8Array): string | null {
  if (bytes.length === 4)
    return V4_RESERVED.find((reserved) => inPrefix(bytes, reserved.bytes, reserved.prefix))?.name ?? null;
  for (const [embedding, offset] of V6_EMBEDDING) {
    if (!inPrefix(bytes, embedding.bytes, embedding.prefix)) continue;
    const inner = classifyBytes(bytes.subarray(offset, offset + 4));
    return inner === null ? null : `${embedding.name} ${inner}`;
  }
  const reserved = V6_RESERVED.find((candidate) => inPrefix(bytes, candidate.bytes, candidate.prefix));
  if (reserved) return reserved.name;
  return inPrefix(bytes, GLOBAL_UNICAST.bytes, GLOBAL_UNICAST.prefix) ? null : "reserved (not global unicast)";
}

/** comparable: an IPv4-mapped IPv6 address as its IPv4 bytes, so that one FETCH_ALLOW entry covers both spellings. */
function comparable(bytes: Uint8Array): Uint8Array {
  const mapped = V6_EMBEDDING[0]![0];
  return bytes.length === 16 && inPrefix(bytes, mapped.bytes, mapped.prefix) ? bytes.subarray(12) : bytes;
}

/** inAllowedRange: whether `address` lies in one of FETCH_ALLOW's ranges. */
export function inAllowedRange(address: string, ranges: readonly AllowedRange[]): boolean {
  const bytes = parseIp(address);
  if (!bytes) return false;
  const target = comparable(bytes);
  return ranges.some((allowed) => {
    const network = parseIp(allowed.address);
    return network !== null && inPrefix(target, comparable(network), allowedPrefix(allowed, network));
  });
}

/** allowedPrefix: a range written over an IPv4-mapped network (::ffff:10.0.0.0/104) compares as IPv4. */
function allowedPrefix(allowed: AllowedRange, network: Uint8Array): number {
  return comparable(network).length === 4 && network.length === 16 ? Math.max(0, allowed.prefix - 96) : allowed.prefix;
}

/** isHostAllowed: whether FETCH_ALLOW names this host (exact name, case and trailing dot ignored). */
export function isHostAllowed(hostname: string, list: FetchAllowList): boolean {
  const name = hostname.toLowerCase().replace(/\.+$/, "");
  return list.hosts.includes(name);
}
