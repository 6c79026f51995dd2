import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { promisify } from "node:util";
import { brotliCompress, constants as zlib, gzip } from "node:zlib";
import Negotiator from "negotiator";
import { subscribePagesChanged } from "@/lib/live";
import { contentSecurityPolicy, inlineScriptHashes, isHttpsRequest, nonceOf } from "@/lib/security/csp";
import type { Locale } from "@/lib/i18n/config";
import { INSTANCE } from "./instance";
import {
  cacheableRequest,
  carriesCredentials,
  fillHeaders,
  postScope,
  shellRequest,
  SCOPE_HEADER,
  type CacheableRequest,
  type RequestLike,
} from "./policy";
import { bump, isFilling, lookup, singleFlight, snapshot, store, type CachedPage, type Encoding } from "./store";

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

// Never passed on from a fill: the connection's own headers, and the scopes proxy.ts adds.
const HOP_BY_HOP = ["connection", "keep-alive", "transfer-encoding", SCOPE_HEADER];
// Not replayed from a kept page either: its size and encoding (set when sent), and the headers
// of one response only (its CSP nonce, cookies, HSTS decided per request).
const DROPPED = new Set([
  ...HOP_BY_HOP,
  "content-length",
  "content-encoding",
  "vary",
  "date",
  "set-cookie",
  "content-security-policy",
  "strict-transport-security",
]);
const FILL_TIMEOUT_MS = 15_000;
/** A page whose discussion moved may be served this long after it rendered, while it re-renders. */
export const GRACE_MS = 1000;
/** The longest a cached answer waits for writes in progress (see "Writes first" below). */
const WRITE_PRIORITY_MS = 100;

type Fetched = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };
/** A fill's outcome: a page to keep and serve, or a response that must not be kept (404, redirect…). */
type Filled = { page: CachedPage } | { once: Fetched };

export type PageCacheOptions = {
  /** Where this server listens, as seen from itself: a fill is a request to itself. */
  origin: URL;
  /** How long a page may be served at most, whatever happens (relative dates, scheduled posts). */
  ttlSeconds: number;
  /** The longest a cached answer waits for writes in progress (WRITE_PRIORITY_MS; tests set it). */
  writePriorityMs?: number;
};

function fetchSelf(origin: URL, path: string, headers: Record<string, string>): Promise<Fetched> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      { hostname: origin.hostname, port: origin.port, path, headers, timeout: FILL_TIMEOUT_MS },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
        res.on("error", reject);
      },
    );
    req.on("timeout", () => req.destroy(new Error("page cache fill timed out")));
    req.on("error", reject);
  });
}

/**
 * fill: renders the page through this very server (an ordinary request, which proxy.ts marks
 * with the article's id when anyone may read it) and keeps it when it is a plain public page.
 */
async function fill(origin: URL, request: RequestLike, wanted: CacheableRequest): Promise<Filled> {
  const renderedAt = snapshot();
  const fetched = await fetchSelf(origin, wanted.url, fillHeaders(request, wanted.https, wanted.kind, wanted.member));
  const scopes = String(fetched.headers[SCOPE_HEADER] ?? "")
    .split(" ")
    .filter(Boolean);
  const type = String(fetched.headers["content-type"] ?? "");
  const expected = wanted.kind === "rsc" ? "text/x-component" : "text/html";
  const plain = fetched.status === 200 && type.startsWith(expected) && !fetched.headers["set-cookie"];
  // The render's own scripts are the ones carrying its nonce: without one, none could run again.
  const nonce = nonceOf(String(fetched.headers["content-security-policy"] ?? ""));
  if (!scopes.length || !plain || (wanted.kind === "html" && !nonce)) return { once: fetched };
  const headers: [string, string][] = [];
  for (const [name, value] of Object.entries(fetched.headers)) {
    if (value === undefined || DROPPED.has(name)) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.push([name, one]);
  }
  // Every encoding once, now, on libuv's threads: a hit only picks one (never compresses or
  // decompresses a page per request).
  const [br, gzipped] = await Promise.all([
    brotliAsync(fetched.body, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [zlib.BROTLI_PARAM_SIZE_HINT]: fetched.body.length },
    }),
    gzipAsync(fetched.body, { level: 6 }),
  ]);
  // The body depends on the request's encoding: shared caches must keep them apart.
  const vary = String(fetched.headers.vary ?? "");
  headers.push([
    "vary",
    /\baccept-encoding\b/i.test(vary) ? vary : [vary, "Accept-Encoding"].filter(Boolean).join(", "),
  ]);
  const page: CachedPage = {
    scopes,
    renderedAt,
    storedAt: Date.now(),
    status: 200,
    headers,
    bodies: { br, gzip: gzipped, identity: fetched.body },
    scriptHashes: wanted.kind === "html" && nonce ? inlineScriptHashes(fetched.body.toString("utf8"), nonce) : [],
  };
  store(wanted.key, page);
  return { page };
}

const ENCODINGS: Encoding[] = ["br", "gzip", "identity"];
/** Brotli's quality for kept pages: 5 came out about 4% larger than 8 in half its time on a 1 MB page. */
const BROTLI_QUALITY = 5;
const chosen = new Map<string, Encoding>();
// negotiator 1.x takes the order to prefer among equal q-values; @types/negotiator 0.6 predates it.
type Encodings = (available: string[], options: { preferred: string[] }) => string[];

/**
 * chooseEncoding: the encoding a client gets, from its Accept-Encoding as RFC 9110 reads it
 * (q-values, "*", "identity;q=0"; negotiator): the highest q, Brotli first among equals, and the
 * page as rendered when nothing offered is acceptable. Decisions are remembered per header value
 * (a few hundred distinct values at most in practice; the memo is bounded).
 */
export function chooseEncoding(acceptEncoding: string | undefined): Encoding {
  const header = acceptEncoding ?? "";
  const known = chosen.get(header);
  if (known) return known;
  const negotiator = new Negotiator({ headers: { "accept-encoding": header } });
  const encoding = ((negotiator.encodings as Encodings).call(negotiator, ENCODINGS, { preferred: ENCODINGS })[0] ??
    "identity") as Encoding;
  if (header.length <= 200) {
    if (chosen.size >= 500) chosen.clear();
    chosen.set(header, encoding);
  }
  return encoding;
}

/**
 * headBlock: the response headers of a kept page for one scheme, encoding and cache state, as
 * the flat list writeHead takes, built once per page and combination (at most 18).
 */
function headBlock(page: CachedPage, https: boolean, encoding: Encoding, state: string): string[] {
  const key = `${https ? "https" : "http"} ${encoding} ${state}`;
  const heads = (page.heads ??= new Map());
  let block = heads.get(key);
  if (!block) {
    block = page.headers.flat();
    block.push("content-security-policy", contentSecurityPolicy({ hashes: page.scriptHashes }, https));
    if (https) block.push("strict-transport-security", "max-age=63072000; includeSubDomains");
    if (encoding !== "identity") block.push("content-encoding", encoding);
    block.push("content-length", String(page.bodies[encoding].length), "x-tribune-cache", state);
    heads.set(key, block);
  }
  return block;
}

function sendPage(page: CachedPage, req: IncomingMessage, res: ServerResponse, https: boolean, state: string) {
  const encoding = chooseEncoding(req.headers["accept-encoding"]);
  res.writeHead(page.status, headBlock(page, https, encoding, state));
  res.end(page.bodies[encoding]);
}

function sendOnce(fetched: Fetched, res: ServerResponse) {
  res.statusCode = fetched.status;
  for (const [name, value] of Object.entries(fetched.headers)) {
    if (value === undefined || HOP_BY_HOP.includes(name)) continue;
    res.setHeader(name, value);
  }
  res.setHeader("content-length", fetched.body.length);
  res.end(fetched.body);
}

/**
 * createPageCache: the page cache in front of Next for anonymous readers of articles, blog homes,
 * tag pages and the home page. `handle` answers a request from the cache and returns true, or
 * returns false for Next to render it. A hit sends the stored HTML in the encoding the client
 * prefers (Brotli, gzip or none, each made once at fill), under a Content-Security-Policy that allows by
 * hash the inline scripts its render emitted, those carrying the render's nonce (never a reused
 * nonce). A miss renders once for all the
 * readers waiting on the same page (single flight). A page is kept until what it shows changes
 * (its scopes, or every page: pagesChanged, heard from every instance over the live bus) or
 * ttlSeconds pass.
 */
export function createPageCache({ origin, ttlSeconds, writePriorityMs = WRITE_PRIORITY_MS }: PageCacheOptions) {
  const ttlMs = ttlSeconds * 1000;
  let listening: Promise<unknown> | null = null;
  const listen = () => {
    listening ??= subscribePagesChanged((event) => {
      if (event.from !== INSTANCE) bump(event.scopes ?? (event.postId ? [postScope(event.postId)] : undefined));
    }).catch((error: Error) => {
      listening = null;
      console.error("[page-cache] cannot hear other instances:", error.message);
    });
  };

  // Writes first: while someone's comment, like or form post is being handled, answers from the
  // cache wait (WRITE_PRIORITY_MS at most). They cost little each, but hundreds of them a second
  // would otherwise sit between each step of the write and the person waiting for it. Only a
  // write by a session or a token counts (carriesCredentials): an anonymous POST, stalled or
  // not, never holds readers back. A wait ends when the writes do or at its timeout, whichever
  // comes first, and leaves nothing behind either way.
  let writes = 0;
  const waiters = new Set<() => void>();
  const writeStarted = (res: ServerResponse) => {
    writes++;
    res.once("close", () => {
      if (--writes === 0) for (const wake of [...waiters]) wake();
    });
  };
  const writesDone = () =>
    new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, writePriorityMs);
      waiters.add(wake);
    });

  const scheduled = new Set<string>();
  function scheduleRefresh(req: IncomingMessage, wanted: CacheableRequest, page: CachedPage) {
    if (scheduled.has(wanted.key) || isFilling(wanted.key)) return;
    scheduled.add(wanted.key);
    const headers = { headers: { ...req.headers } } as IncomingMessage;
    const refresh = () => {
      scheduled.delete(wanted.key);
      singleFlight(wanted.key, () => fill(origin, headers, wanted)).catch((error: Error) =>
        console.error("[page-cache] refresh failed:", error.message),
      );
    };
    setTimeout(refresh, Math.max(0, page.storedAt + GRACE_MS - Date.now())).unref();
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    if (ttlMs <= 0) return false;
    if (req.method !== "GET" && req.method !== "HEAD" && req.method !== "OPTIONS") {
      if (carriesCredentials(req)) writeStarted(res);
      return false;
    }
    const https = isHttpsRequest(
      String(req.headers["x-forwarded-proto"] ?? ""),
      "encrypted" in req.socket && req.socket.encrypted ? "https:" : "http:",
    );
    const wanted = cacheableRequest(req, https);
    if (!wanted) return false;
    listen();
    // A refresh follows a live announcement ("1 new comment"): never answer it with a page
    // rendered before the change it announced.
    const found = lookup(wanted.key, ttlMs, wanted.kind === "html" ? GRACE_MS : 0);
    if (found) {
      // Stale within the grace: this reader gets it at once; one refresh starts when the grace
      // ends (or now, if it has), so the next readers find the change.
      if (!found.fresh) scheduleRefresh(req, wanted, found.page);
      if (writes > 0) await writesDone();
      sendPage(found.page, req, res, https, found.fresh ? "hit" : "stale");
      return true;
    }
    let leader = false;
    try {
      const filled = await singleFlight(wanted.key, () => {
        leader = true;
        return fill(origin, req, wanted);
      });
      if ("page" in filled) {
        sendPage(filled.page, req, res, https, "miss");
        return true;
      }
      // Not a page to keep: the reader who asked gets it as rendered; the others render their own.
      if (!leader) return false;
      sendOnce(filled.once, res);
      return true;
    } catch (error) {
      console.error("[page-cache] fill failed:", (error as Error).message);
      return false;
    }
  }

  /**
   * fragment: the body of a thread fragment (`url`: its canonical address, threadFragmentUrl)
   * for the host and scheme of `req`, from the cache or rendered once for everyone waiting on
   * it; null when there is none to show (the article is not public). With the cache off, it is
   * rendered for this request alone.
   */
  async function fragment(req: IncomingMessage, url: string, https: boolean): Promise<Buffer | null> {
    const headers = { host: req.headers.host, "x-forwarded-host": req.headers["x-forwarded-host"] };
    const wanted = cacheableRequest({ method: "GET", url, headers }, https);
    if (!wanted || wanted.kind !== "fragment") return null;
    if (ttlMs <= 0) {
      const fetched = await fetchSelf(origin, wanted.url, fillHeaders({ headers }, https, "fragment"));
      return fetched.status === 200 ? fetched.body : null;
    }
    listen();
    const found = lookup(wanted.key, ttlMs, 0);
    if (found) return found.page.bodies.identity;
    const filled = await singleFlight(wanted.key, () => fill(origin, { headers }, wanted));
    return "page" in filled ? filled.page.bodies.identity : filled.once.status === 200 ? filled.once.body : null;
  }

  /**
   * shell: the member shell of an article for a signed-in reader (policy's shellRequest: the page
   * any signed-in reader gets, in `locale`, the language their account chose), from the cache or
   * rendered once for everyone waiting on it; null when there is none to keep (the cache is off,
   * or the render is not a plain public page): the reader's page is then rendered for them.
   */
  async function shell(req: IncomingMessage, https: boolean, locale: Locale | null): Promise<CachedPage | null> {
    const wanted = ttlMs > 0 ? shellRequest(req, https, locale) : null;
    if (!wanted) return null;
    listen();
    const found = lookup(wanted.key, ttlMs, 0);
    if (found) return found.page;
    const headers = { headers: { ...req.headers } } as IncomingMessage;
    const filled = await singleFlight(wanted.key, () => fill(origin, headers, wanted));
    return "page" in filled ? filled.page : null;
  }

  /** waits: the writes in progress and the cached answers waiting for them (tests, monitoring). */
  const waits = () => ({ writes, waiting: waiters.size });

  return { handle, fragment, shell, waits, origin };
}
