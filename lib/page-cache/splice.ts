import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { promisify } from "node:util";
import { constants as zlib, crc32, deflateRaw, gzip } from "node:zlib";
import Negotiator from "negotiator";
import { isHttpsRequest } from "@/lib/security/csp";
import { isPostPath } from "./policy";

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
export function createSplicer({ origin, fragments }: { origin: URL; fragments: Fragments }) {
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

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
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
        const https = isHttpsRequest(
          String(req.headers["x-forwarded-proto"] ?? ""),
          "encrypted" in req.socket && req.socket.encrypted ? "https:" : "http:",
        );
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
