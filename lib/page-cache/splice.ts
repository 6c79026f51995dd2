import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { promisify } from "node:util";
import { constants as zlib, crc32, deflateRaw, gzip } from "node:zlib";
import Negotiator from "negotiator";
import { LAYER_ELEMENT_ID } from "@/components/personal/layer-id";
import type { Locale } from "@/lib/i18n/config";
import { contentSecurityPolicy, isHttpsRequest } from "@/lib/security/csp";
import { carriesCredentials, isPostPath } from "./policy";
import type { CachedPage } from "./store";

// The thread splice. An article's page, as Next renders it, holds an empty slot where its
// discussion goes: <div id="thread" data-thread-slot="/blog/post/thread?page=1&sort=oldest&locale=fr">.
// The discussion itself (the same for every reader who does not moderate the blog) is a fragment
// the page cache keeps (route /<blog>/<post>/thread); this module puts it into the slot on the way
// out, so the comments' text is in the page once, as HTML, and never a second time in React's
// payload, and their rendering is shared by every reader, signed in or not. In the browser,
// ThreadIsland keeps what the slot holds and adds what is personal.

/** The request header of the render a splice asks for (it goes to Next as is). */
const INNER_HEADER = "x-tribune-splice";
const SLOT = /<div id="thread" data-thread-slot="([^"]{1,400})"><\/div>/;
const FETCH_TIMEOUT_MS = 30_000;
// Never passed on from the inner render: the connection's own headers and its length (the body changes).
const DROPPED = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding"]);

const deflateRawAsync = promisify(deflateRaw);
const gzipAsync = promisify(gzip);
const GZIP_HEADER = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 0xff]);
/** The fragments' raw deflate streams, made once per fragment (its body, kept by the page cache, is the key). */
const deflated = new WeakMap<Buffer, Promise<Buffer>>();

/**
 * gzipSpliced: the page as one gzip stream made of three deflate runs: the page's start and end
 * compressed now (a few kilobytes), the fragment's made once for every reader (deflateRaw ending
 * with a sync flush, byte-aligned and not final, so that runs follow each other in one stream;
 * the CRC is over the whole text). The fragment, the bulk of a long discussion, is never
 * compressed per request.
 */
async function gzipSpliced(start: Buffer, fragment: Buffer, end: Buffer): Promise<Buffer> {
  // The CRC and length first, from the text as it is (zlib may take an input's memory once it has read it).
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc32(end, crc32(fragment, crc32(start))) >>> 0, 0);
  trailer.writeUInt32LE((start.length + fragment.length + end.length) >>> 0, 4);
  const sync = { finishFlush: zlib.Z_SYNC_FLUSH, level: 6 };
  let middle = deflated.get(fragment);
  if (!middle) deflated.set(fragment, (middle = deflateRawAsync(fragment, sync)));
  const [head, body, tail] = await Promise.all([
    deflateRawAsync(start, sync),
    middle,
    deflateRawAsync(end, { level: 6 }),
  ]);
  return Buffer.concat([GZIP_HEADER, head, body, tail, trailer]);
}

/** acceptsGzip: the client takes gzip (RFC 9110 q-values, "*" included), the one encoding a splice is sent in. */
function acceptsGzip(acceptEncoding: string | undefined): boolean {
  const negotiator = new Negotiator({ headers: { "accept-encoding": acceptEncoding ?? "" } });
  return negotiator.encodings(["gzip", "identity"])[0] === "gzip";
}

type Fragments = (req: IncomingMessage, url: string, https: boolean) => Promise<Buffer | null>;
type Shells = (req: IncomingMessage, https: boolean, locale: Locale | null) => Promise<CachedPage | null>;

// ─── The member shell ──────────────────────────────────────────────────────────────────────
// A signed-in reader of an article gets the page every signed-in reader gets (its member shell,
// kept by the page cache with its discussion already in it) and, in the shell's empty data
// block, their personal layer (lib/personal: name, counts, their marks on the thread), asked of
// the app (GET /api/v1/me/layer) with their session. Only that layer is made per request: the
// shell's text before and after it is compressed once per shell.

const LAYER_SLOT = `<script id="${LAYER_ELEMENT_ID}" type="application/json"></script>`;
const LAYER_PATH = "/api/v1/me/layer";

type LayerAnswer = { shared: true; locale: Locale | null; layer: unknown } | { shared: false };

/** The shell cut around its layer's slot, each side deflated once (byte-aligned runs, the last one final). */
type ShellParts = {
  before: Buffer;
  after: Buffer;
  beforeCrc: number;
  deflated: Promise<[Buffer, Buffer]>;
};
const shellParts = new WeakMap<CachedPage, ShellParts | null>();

function partsOf(page: CachedPage): ShellParts | null {
  if (shellParts.has(page)) return shellParts.get(page)!;
  const body = page.bodies.identity;
  const at = body.indexOf(LAYER_SLOT);
  let parts: ShellParts | null = null;
  if (at >= 0) {
    const cut = at + LAYER_SLOT.length - "</script>".length;
    // Views of the kept body (no second copy of a large page); zlib reads copies of its own.
    const before = body.subarray(0, cut);
    const after = body.subarray(cut);
    parts = {
      before,
      after,
      beforeCrc: crc32(before),
      deflated: Promise.all([
        deflateRawAsync(Buffer.from(before), { finishFlush: zlib.Z_SYNC_FLUSH, level: 6 }),
        deflateRawAsync(Buffer.from(after), { level: 6 }),
      ]),
    };
  }
  shellParts.set(page, parts);
  return parts;
}

/** The layer as the text of a JSON data block: nothing in it can end the block or the page's script. */
const layerText = (layer: unknown) =>
  JSON.stringify(layer)
    .replace(/</g, "\\u003c")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");

/** wantsSplice: an article's HTML page (not the render a splice asks for, not a client navigation's payload). */
export function wantsSplice(req: IncomingMessage): boolean {
  if (req.method !== "GET" || req.headers[INNER_HEADER] || req.headers.rsc || !req.url) return false;
  const path = req.url.split("?", 1)[0]!;
  return isPostPath(path);
}

const decodeAttribute = (value: string) =>
  value
    .replace(/&amp;/g, "&")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">");

/**
 * createSplicer: `serve(req, res)` renders the page through this server (a request to itself,
 * uncompressed), puts the fragment into its slot, and sends the result in the encoding the client
 * prefers. A page without a slot (a 404, a redirect, the moderators' own thread) goes out as rendered.
 */
export function createSplicer({
  origin,
  fragments,
  shells,
}: {
  origin: URL;
  fragments: Fragments;
  /** The page cache's member shells (omitted: every signed-in reader's page is rendered for them). */
  shells?: Shells;
}) {
  function render(req: IncomingMessage): Promise<IncomingMessage> {
    return new Promise((resolve, reject) => {
      const headers = { ...req.headers, [INNER_HEADER]: "1", "accept-encoding": "identity" };
      const inner = http.get(
        { hostname: origin.hostname, port: origin.port, path: req.url, headers, timeout: FETCH_TIMEOUT_MS },
        resolve,
      );
      inner.on("timeout", () => inner.destroy(new Error("page render timed out")));
      inner.on("error", reject);
    });
  }

  /** layerOf: the reader's personal layer, asked of the app with their session (null: it could not say). */
  function layerOf(req: IncomingMessage, path: string): Promise<LayerAnswer | null> {
    return new Promise((resolve) => {
      const headers: http.OutgoingHttpHeaders = { [INNER_HEADER]: "1", "accept-encoding": "identity" };
      for (const name of ["cookie", "host", "x-forwarded-host", "x-forwarded-proto"]) {
        if (req.headers[name] !== undefined) headers[name] = req.headers[name];
      }
      const inner = http.get(
        {
          hostname: origin.hostname,
          port: origin.port,
          path: `${LAYER_PATH}?path=${encodeURIComponent(path)}`,
          headers,
          timeout: FETCH_TIMEOUT_MS,
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on("data", (chunk: Buffer) => chunks.push(chunk));
          response.on("end", () => {
            try {
              resolve(
                response.statusCode === 200
                  ? (JSON.parse(Buffer.concat(chunks).toString("utf8")) as LayerAnswer)
                  : null,
              );
            } catch {
              resolve(null);
            }
          });
          response.on("error", () => resolve(null));
        },
      );
      inner.on("timeout", () => inner.destroy(new Error("personal layer timed out")));
      inner.on("error", () => resolve(null));
    });
  }

  /**
   * serveShell: a signed-in reader's page as the member shell with their layer in it; false when
   * it cannot be (signed out, a reader the shell does not fit, no shell to keep): then it is
   * rendered for them.
   */
  async function serveShell(req: IncomingMessage, res: ServerResponse, https: boolean): Promise<boolean> {
    const answer = await layerOf(req, req.url!);
    if (!answer?.shared) return false;
    const page = await shells!(req, https, answer.locale);
    const parts = page && partsOf(page);
    if (!page || !parts) return false;
    const layer = Buffer.from(layerText(answer.layer));
    const head: string[] = [];
    for (const [name, value] of page.headers) if (name !== "cache-control") head.push(name, value);
    head.push("cache-control", "private, no-cache, no-store, max-age=0, must-revalidate");
    head.push("content-security-policy", contentSecurityPolicy({ hashes: page.scriptHashes }, https));
    if (https) head.push("strict-transport-security", "max-age=63072000; includeSubDomains");
    head.push("x-tribune-cache", "shell");
    let body: Buffer;
    if (acceptsGzip(req.headers["accept-encoding"])) {
      const trailer = Buffer.alloc(8);
      trailer.writeUInt32LE(crc32(parts.after, crc32(layer, parts.beforeCrc)) >>> 0, 0);
      trailer.writeUInt32LE((parts.before.length + layer.length + parts.after.length) >>> 0, 4);
      const [[before, after], middle] = await Promise.all([
        parts.deflated,
        deflateRawAsync(Buffer.from(layer), { finishFlush: zlib.Z_SYNC_FLUSH, level: 6 }),
      ]);
      body = Buffer.concat([GZIP_HEADER, before, middle, after, trailer]);
      head.push("content-encoding", "gzip");
    } else body = Buffer.concat([parts.before, layer, parts.after]);
    head.push("content-length", String(body.length));
    res.writeHead(page.status, head);
    res.end(body);
    return true;
  }

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const https = isHttpsRequest(
      String(req.headers["x-forwarded-proto"] ?? ""),
      "encrypted" in req.socket && req.socket.encrypted ? "https:" : "http:",
    );
    // Signed in (a session cookie, checked by the app), the plain page: the member shell.
    if (shells && !req.url!.includes("?") && carriesCredentials(req) && (await serveShell(req, res, https))) return;
    const inner = await render(req);
    const chunks: Buffer[] = [];
    for await (const chunk of inner) chunks.push(chunk as Buffer);
    const rendered = Buffer.concat(chunks);
    let parts: [Buffer, Buffer, Buffer] | null = null;
    const type = String(inner.headers["content-type"] ?? "");
    if (inner.statusCode === 200 && type.startsWith("text/html")) {
      const html = rendered.toString("utf8");
      const slot = SLOT.exec(html);
      if (slot) {
        const fragment = await fragments(req, decodeAttribute(slot[1]!), https);
        const at = slot.index + slot[0].length - "</div>".length;
        if (fragment) parts = [Buffer.from(html.slice(0, at)), fragment, Buffer.from(html.slice(at))];
      }
    }
    res.statusCode = inner.statusCode ?? 500;
    for (const [name, value] of Object.entries(inner.headers)) {
      if (value !== undefined && !DROPPED.has(name)) res.setHeader(name, value);
    }
    const vary = String(inner.headers.vary ?? "");
    if (!/\baccept-encoding\b/i.test(vary)) res.setHeader("vary", [vary, "Accept-Encoding"].filter(Boolean).join(", "));
    const gzipped = type.startsWith("text/") && acceptsGzip(req.headers["accept-encoding"]);
    let body: Buffer;
    if (gzipped) {
      body = parts ? await gzipSpliced(...parts) : await gzipAsync(rendered, { level: 6 });
      res.setHeader("content-encoding", "gzip");
    } else body = parts ? Buffer.concat(parts) : rendered;
    res.setHeader("content-length", body.length);
    res.end(body);
  }

  return { serve };
}
