// The one HTTP client of every server-side fetch (spam check, Webmention, media import).
// Each hop: parse the URL (http/https only, no credentials), resolve the name once, refuse the
// addresses that are not public unless FETCH_ALLOW lists them, and connect to exactly the
// addresses checked (a pinned `lookup`, so a DNS answer that changes meanwhile is never used).
// One deadline covers DNS, connection, headers and body of every hop.
import http, { type IncomingMessage } from "node:http";
import https from "node:https";
import { lookup as dnsLookup } from "node:dns/promises";
import { isIP, type LookupFunction } from "node:net";
import { env, siteUrl } from "../env.js";
import { classifyAddress, inAllowedRange, isHostAllowed } from "./address";
import { parseFetchAllow, type FetchAllowList } from "./allow-list.js";
import { FetchError, redactUrl } from "./errors";

/** ResolvedAddress: one answer of the resolver. */
type ResolvedAddress = { address: string; family: number };

export type GuardedFetchOptions = {
  method?: "GET" | "HEAD" | "POST";
  /** Request headers; `cookie` and `host` are always dropped, `authorization` is dropped on a redirect to another origin. */
  headers?: Record<string, string>;
  body?: string | Uint8Array | URLSearchParams;
  /** FETCH_ALLOW for this call (same syntax); default: the environment's. */
  allow?: string;
  /** Default FETCH_TIMEOUT_MS: the whole fetch, every redirect included. */
  timeoutMs?: number;
  /** Default FETCH_MAX_BYTES: a longer body aborts the fetch (TOO_LARGE). */
  maxBytes?: number;
  /** Default and ceiling: 5. */
  maxRedirects?: number;
  signal?: AbortSignal;
  /** The resolver (default: the system's, every address); tests give a stand-in DNS. */
  resolve?: (hostname: string) => Promise<ResolvedAddress[]>;
};

/** GuardedResponse: the final answer; `body` holds at most maxBytes bytes. */
export type GuardedResponse = {
  status: number;
  /** The URL that answered, after redirects. */
  url: string;
  headers: Headers;
  body: Buffer;
  redirects: number;
  /** The body decoded as UTF-8. */
  text(): string;
};

const MAX_REDIRECTS = 5;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const DROPPED_HEADERS = new Set(["cookie", "host", "connection", "proxy-authorization", "content-length"]);

type Settings = { allow: FetchAllowList; timeoutMs: number; maxBytes: number; maxRedirects: number };
type Hop = { url: URL; method: string; headers: Record<string, string>; body: Buffer | undefined };

let envAllow: FetchAllowList | undefined;

function allowList(text: string | undefined): FetchAllowList {
  if (text !== undefined) return parseFetchAllow(text);
  envAllow ??= parseFetchAllow(env.FETCH_ALLOW);
  return envAllow;
}

function userAgent(): string {
  return `Tribune (+${siteUrl()})`;
}

/** checkUrl: the URL parsed and checked for scheme and credentials (addresses are checked at connection time). */
export function checkUrl(input: string | URL, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(input, base);
  } catch {
    throw new FetchError("INVALID_REQUEST", "not a valid URL");
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new FetchError("SCHEME", `only http and https URLs are fetched, not ${url.protocol}`);
  }
  if (url.username || url.password)
    throw new FetchError("CREDENTIALS", "URLs with credentials are refused", redactUrl(url));
  return url;
}

/**
 * guardedFetch: fetches `input` as described at the top of this file, following up to
 * maxRedirects redirects, each checked again. Resolves with the final response (any status);
 * rejects with a FetchError.
 */
export async function guardedFetch(input: string | URL, options: GuardedFetchOptions = {}): Promise<GuardedResponse> {
  const settings = resolveSettings(options);
  const deadline = new AbortController();
  const timer = setTimeout(() => deadline.abort(), settings.timeoutMs);
  const signal = options.signal ? AbortSignal.any([deadline.signal, options.signal]) : deadline.signal;
  let hop: Hop = {
    url: checkUrl(input),
    method: options.method ?? "GET",
    headers: requestHeaders(options),
    body: encodeBody(options.body),
  };
  try {
    for (let redirects = 0; ; redirects += 1) {
      const addresses = await untilAborted(resolveAllowed(hop.url, settings.allow, options.resolve), signal);
      const response = await send(hop, addresses, signal);
      const location = REDIRECTS.has(response.statusCode ?? 0) ? response.headers.location : undefined;
      if (location === undefined) return await finish(hop, response, redirects, settings.maxBytes, signal);
      response.destroy();
      if (redirects >= settings.maxRedirects) {
        throw new FetchError("REDIRECTS", `more than ${settings.maxRedirects} redirects`, redactUrl(hop.url));
      }
      hop = nextHop(hop, response.statusCode!, location);
    }
  } catch (error) {
    throw asFetchError(error, hop.url, signal, options.signal, deadline.signal);
  } finally {
    clearTimeout(timer);
  }
}

function resolveSettings(options: GuardedFetchOptions): Settings {
  const positive = (value: number | undefined, fallback: number, name: string) => {
    const chosen = value ?? fallback;
    if (!Number.isInteger(chosen) || chosen < 0)
      throw new FetchError("INVALID_REQUEST", `${name} must be a whole number`);
    return chosen;
  };
  let allow: FetchAllowList;
  try {
    allow = allowList(options.allow);
  } catch (error) {
    throw new FetchError("INVALID_REQUEST", (error as Error).message);
  }
  return {
    allow,
    timeoutMs: positive(options.timeoutMs, env.FETCH_TIMEOUT_MS, "timeoutMs"),
    maxBytes: positive(options.maxBytes, env.FETCH_MAX_BYTES, "maxBytes"),
    maxRedirects: Math.min(positive(options.maxRedirects, MAX_REDIRECTS, "maxRedirects"), MAX_REDIRECTS),
  };
}

function requestHeaders(options: GuardedFetchOptions): Record<string, string> {
  const headers: Record<string, string> = { "user-agent": userAgent(), accept: "*/*" };
  for (const [name, value] of Object.entries(options.headers ?? {})) {
    if (!DROPPED_HEADERS.has(name.toLowerCase())) headers[name.toLowerCase()] = value;
  }
  // No decompression here: the byte limit counts what is read, and a small gzip can unpack to gigabytes.
  headers["accept-encoding"] = "identity";
  if (options.body instanceof URLSearchParams) headers["content-type"] ??= "application/x-www-form-urlencoded";
  return headers;
}

function encodeBody(body: GuardedFetchOptions["body"]): Buffer | undefined {
  if (body === undefined) return undefined;
  return typeof body === "string" || body instanceof URLSearchParams ? Buffer.from(body.toString()) : Buffer.from(body);
}

/** resolveAllowed: the addresses this hop may connect to (at least one), resolved once. */
async function resolveAllowed(
  url: URL,
  allow: FetchAllowList,
  resolve: GuardedFetchOptions["resolve"],
): Promise<ResolvedAddress[]> {
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  const literal = isIP(host);
  let found: ResolvedAddress[];
  try {
    found = literal ? [{ address: host, family: literal }] : await (resolve ?? systemResolve)(host);
  } catch {
    throw new FetchError("DNS", `${host} does not resolve`, redactUrl(url));
  }
  if (found.length === 0) throw new FetchError("DNS", `${host} does not resolve`, redactUrl(url));
  const hostAllowed = isHostAllowed(host, allow);
  const refused: string[] = [];
  const usable = found.filter(({ address }) => {
    const reserved = classifyAddress(address);
    if (reserved === null || hostAllowed || inAllowedRange(address, allow.ranges)) return true;
    refused.push(`${address} (${reserved})`);
    return false;
  });
  if (usable.length === 0) {
    throw new FetchError(
      "REFUSED_ADDRESS",
      `refused address ${refused.join(", ")}: not public and not in FETCH_ALLOW`,
      redactUrl(url),
    );
  }
  return usable;
}

async function systemResolve(hostname: string): Promise<ResolvedAddress[]> {
  return dnsLookup(hostname, { all: true, verbatim: true });
}

/** pinnedLookup: answers the socket's lookup with the addresses already checked, never asking DNS again. */
function pinnedLookup(addresses: ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    if (options.all) callback(null, addresses);
    else callback(null, addresses[0]!.address, addresses[0]!.family);
  };
}

function send(hop: Hop, addresses: ResolvedAddress[], signal: AbortSignal): Promise<IncomingMessage> {
  const { url, method, headers, body } = hop;
  const transport = url.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const request = transport.request({
      host: url.hostname.replace(/^\[(.*)\]$/, "$1"),
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      method,
      headers: { ...headers, host: url.host, ...(body ? { "content-length": String(body.length) } : {}) },
      lookup: pinnedLookup(addresses),
      // A fresh connection per request: a pooled socket could lead to an address checked for another URL.
      agent: false,
      signal,
    });
    request.once("response", resolve);
    // `on`, not `once`: a socket can report a second error after the first, which must not go unhandled.
    request.on("error", reject);
    request.end(body);
  });
}

function nextHop(hop: Hop, status: number, location: string): Hop {
  const url = checkUrl(location, hop.url);
  const headers = { ...hop.headers };
  if (url.origin !== hop.url.origin) delete headers.authorization;
  // As browsers do: 303 always, and 301/302 after a POST, become a GET without body.
  if (status === 303 || ((status === 301 || status === 302) && hop.method === "POST")) {
    delete headers["content-type"];
    return { url, method: hop.method === "HEAD" ? "HEAD" : "GET", headers, body: undefined };
  }
  return { ...hop, url, headers };
}

async function finish(
  hop: Hop,
  response: IncomingMessage,
  redirects: number,
  maxBytes: number,
  signal: AbortSignal,
): Promise<GuardedResponse> {
  const declared = Number(response.headers["content-length"]);
  if (hop.method !== "HEAD" && Number.isFinite(declared) && declared > maxBytes) {
    response.destroy();
    throw new FetchError("TOO_LARGE", `response too large: ${declared} bytes, limit ${maxBytes}`, redactUrl(hop.url));
  }
  if (hop.method === "HEAD") response.resume();
  const body = hop.method === "HEAD" ? Buffer.alloc(0) : await readBody(response, maxBytes, hop.url, signal);
  const headers = new Headers();
  for (let index = 0; index + 1 < response.rawHeaders.length; index += 2) {
    headers.append(response.rawHeaders[index]!, response.rawHeaders[index + 1]!);
  }
  return {
    status: response.statusCode ?? 0,
    url: hop.url.toString(),
    headers,
    body,
    redirects,
    text: () => body.toString("utf8"),
  };
}

function readBody(response: IncomingMessage, maxBytes: number, url: URL, signal: AbortSignal): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const fail = (error: unknown) => {
      if (done) return;
      done = true;
      response.destroy();
      reject(error);
    };
    response.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > maxBytes)
        return fail(new FetchError("TOO_LARGE", `response too large: over ${maxBytes} bytes`, redactUrl(url)));
      chunks.push(chunk);
    });
    response.once("end", () => {
      done = true;
      resolve(Buffer.concat(chunks));
    });
    response.on("error", fail);
    response.once("close", () =>
      fail(
        signal.aborted
          ? signal.reason
          : new FetchError("NETWORK", "connection closed before the end of the body", redactUrl(url)),
      ),
    );
  });
}

/** untilAborted: `promise`, or a rejection as soon as `signal` aborts (DNS lookups cannot be cancelled). */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener("abort", onAbort));
  });
}

function asFetchError(
  error: unknown,
  url: URL,
  signal: AbortSignal,
  callerSignal: AbortSignal | undefined,
  deadline: AbortSignal,
): FetchError {
  if (error instanceof FetchError) return error;
  if (deadline.aborted) return new FetchError("TIMEOUT", "time limit reached", redactUrl(url));
  if (callerSignal?.aborted || signal.aborted)
    return new FetchError("ABORTED", "aborted by the caller", redactUrl(url));
  const code = (error as { code?: string } | null)?.code;
  if (code === "ERR_INVALID_CHAR" || code === "ERR_INVALID_HTTP_TOKEN") {
    return new FetchError("INVALID_REQUEST", `invalid request header (${code})`, redactUrl(url));
  }
  return new FetchError("NETWORK", `request failed${code ? ` (${code})` : ""}`, redactUrl(url));
}
