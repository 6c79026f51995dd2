import "server-only";
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { isIP } from "node:net";
import { env } from "@/lib/env.js";

// Who the client is, for rate limits and stream caps. The source of truth is the TCP socket:
// scripts/serve.ts (what npm start runs, in front of Next's handler in the same process) calls
// stampClientAddress on every request before anything else reads it. It removes any copy of
// the internal headers the client sent, decides the address (the socket's, or with
// TRUST_PROXY=N the right-most X-Forwarded-For entry that no trusted proxy wrote) and stamps
// it with an HMAC under a random secret that lives only in this process (globalThis: serve.ts
// and Next's server bundle are separate module graphs in one process). clientIp() believes the
// address only with a valid stamp, so a client can neither choose its key (X-Real-IP,
// X-Forwarded-For without TRUST_PROXY, a forged internal header) nor spread its attempts
// over many keys. Reached without serve.ts (`next start`, `next dev`), no request is stamped
// and every client shares the key UNKNOWN_CLIENT: limits then hold for everyone together
// (conservative, never looser).

/** The address serve.ts decided for this request (internal: set by the server, never by the client). */
const CLIENT_ADDRESS_HEADER = "x-tribune-client-ip";
/** The HMAC that proves CLIENT_ADDRESS_HEADER was written by this process. */
const CLIENT_STAMP_HEADER = "x-tribune-client-stamp";
/** The one shared key of every request whose address is not known (not stamped by serve.ts). */
export const UNKNOWN_CLIENT = "unknown";

const holder = globalThis as typeof globalThis & { tribuneClientSecret?: Buffer; tribuneClientWarned?: boolean };

function stampOf(address: string): string {
  holder.tribuneClientSecret ??= randomBytes(32);
  return createHmac("sha256", holder.tribuneClientSecret).update(address).digest("base64url");
}

function expandIpv6(address: string): string[] {
  const [head = "", tail] = address.split("::");
  const left = head ? head.split(":") : [];
  if (tail === undefined) return left;
  const right = tail ? tail.split(":") : [];
  return [...left, ...Array<string>(8 - left.length - right.length).fill("0"), ...right];
}

/**
 * normalizeAddress: an IP address in one spelling, or null when `raw` is not one. Accepts what
 * sockets and proxies write: `::ffff:1.2.3.4` (IPv4 on a dual-stack socket) becomes `1.2.3.4`,
 * `1.2.3.4:5678` and `[2001:db8::1]:443` lose their port, IPv6 is lower-cased and compressed.
 */
export function normalizeAddress(raw: string | null | undefined): string | null {
  let value = raw?.trim() ?? "";
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(value);
  if (bracketed) value = bracketed[1]!;
  else if (/^\d{1,3}(?:\.\d{1,3}){3}:\d{1,5}$/.test(value)) value = value.slice(0, value.lastIndexOf(":"));
  const version = isIP(value);
  if (version === 4) return value;
  if (version !== 6) return null;
  const canonical = new URL(`http://[${value}]/`).hostname.slice(1, -1);
  const groups = expandIpv6(canonical);
  if (groups.slice(0, 6).join(":") === "0:0:0:0:0:ffff") {
    const [high, low] = groups.slice(6).map((group) => Number.parseInt(group, 16));
    return [high! >> 8, high! & 255, low! >> 8, low! & 255].join(".");
  }
  return canonical;
}

/** ClientAddressInput: what decides a request's client address. */
export type ClientAddressInput = {
  /** The TCP peer (req.socket.remoteAddress). */
  socket: string | undefined;
  /** The X-Forwarded-For header(s) as received. */
  forwardedFor: string | string[] | undefined;
  /** TRUST_PROXY: how many reverse proxies stand in front of the app (0: none, the socket is the client). */
  trustedProxies: number;
};

/**
 * clientAddress: the client's address (pure). Without trusted proxies, the socket's, whatever
 * the headers say (X-Real-IP is never read). With N trusted proxies, each appending the address
 * it saw to X-Forwarded-For, the right-most N entries are theirs and everything left of them is
 * what the client claimed: the client is the N-th entry from the right. A header with fewer
 * than N entries, or a malformed entry there, gives the socket's address. `unknown` when even
 * the socket has none (a destroyed connection).
 */
export function clientAddress({ socket, forwardedFor, trustedProxies }: ClientAddressInput): string {
  const direct = normalizeAddress(socket) ?? UNKNOWN_CLIENT;
  if (!(trustedProxies > 0)) return direct;
  const entries = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? ""))
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length < trustedProxies) return direct;
  return normalizeAddress(entries[entries.length - trustedProxies]) ?? direct;
}

/** trustedProxiesFromEnv: TRUST_PROXY as a number (0 when unset). */
export function trustedProxiesFromEnv(value = env.TRUST_PROXY): number {
  const hops = Number.parseInt(value ?? "", 10);
  return Number.isFinite(hops) && hops > 0 ? hops : 0;
}

/** clientAddressHeaders: the internal headers that vouch for `address` in this process. */
export function clientAddressHeaders(address: string): Record<string, string> {
  return { [CLIENT_ADDRESS_HEADER]: address, [CLIENT_STAMP_HEADER]: stampOf(address) };
}

/**
 * stampClientAddress: run by the HTTP server on every request before anything reads it. Drops
 * any client-sent copy of the internal headers, then sets them from the socket (and
 * X-Forwarded-For through `trustedProxies`). Returns the address.
 */
export function stampClientAddress(req: IncomingMessage, trustedProxies = trustedProxiesFromEnv()): string {
  delete req.headers[CLIENT_ADDRESS_HEADER];
  delete req.headers[CLIENT_STAMP_HEADER];
  const address = clientAddress({
    socket: req.socket.remoteAddress,
    forwardedFor: req.headers["x-forwarded-for"],
    trustedProxies,
  });
  Object.assign(req.headers, clientAddressHeaders(address));
  return address;
}

function stamped(headers: Headers): string | null {
  const address = headers.get(CLIENT_ADDRESS_HEADER);
  const stamp = headers.get(CLIENT_STAMP_HEADER);
  if (!address || !stamp) return null;
  const expected = Buffer.from(stampOf(address));
  const given = Buffer.from(stamp);
  return given.length === expected.length && timingSafeEqual(given, expected) ? address : null;
}

/**
 * clientAddressOf: the client's exact address as this process's server stamped it (for a spam
 * check), or null when the request was not stamped. Never read from a header the client chose.
 */
export function clientAddressOf(headers: Headers): string | null {
  return stamped(headers);
}

/**
 * clientIp: the key rate limits and stream caps count a client by: its IPv4 address, or its
 * IPv6 /64 network (one subscriber's usual allocation, inside which it picks addresses at will).
 * Only an address stamped by this process's server (stampClientAddress) counts; otherwise
 * UNKNOWN_CLIENT, shared by every such request.
 */
export function clientIp(headers: Headers): string {
  const address = stamped(headers);
  if (!address) {
    if (env.NODE_ENV === "production" && !holder.tribuneClientWarned) {
      holder.tribuneClientWarned = true;
      console.warn(
        "Client addresses are unknown (the app was not started through scripts/serve.ts): every client shares one rate-limit key.",
      );
    }
    return UNKNOWN_CLIENT;
  }
  if (isIP(address) !== 6) return address;
  return `${expandIpv6(address).slice(0, 4).join(":")}::/64`;
}
