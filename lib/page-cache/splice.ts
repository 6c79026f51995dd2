import http, { type IncomingMessage, type ServerResponse } from "node:http";
import { promisify } from "node:util";
import { brotliCompress, constants as zlib, gzip } from "node:zlib";
import { isHttpsRequest } from "@/lib/security/csp";
import { chooseEncoding } from "./http";
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

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

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
    let body = Buffer.concat(chunks);
    const type = String(inner.headers["content-type"] ?? "");
    if (inner.statusCode === 200 && type.startsWith("text/html")) {
      const html = body.toString("utf8");
      const slot = SLOT.exec(html);
      if (slot) {
        const https = isHttpsRequest(
          String(req.headers["x-forwarded-proto"] ?? ""),
          "encrypted" in req.socket && req.socket.encrypted ? "https:" : "http:",
        );
        const fragment = await fragments(req, decodeAttribute(slot[1]!), https);
        if (fragment) {
          const at = slot.index + slot[0].length - "</div>".length;
          body = Buffer.concat([Buffer.from(html.slice(0, at)), fragment, Buffer.from(html.slice(at))]);
        }
      }
    }
    res.statusCode = inner.statusCode ?? 500;
    for (const [name, value] of Object.entries(inner.headers)) {
      if (value !== undefined && !DROPPED.has(name)) res.setHeader(name, value);
    }
    const encoding = type.startsWith("text/") ? chooseEncoding(req.headers["accept-encoding"]) : "identity";
    if (encoding === "br")
      body = await brotliAsync(body, {
        params: { [zlib.BROTLI_PARAM_QUALITY]: 4, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length },
      });
    else if (encoding === "gzip") body = await gzipAsync(body, { level: 5 });
    if (encoding !== "identity") res.setHeader("content-encoding", encoding);
    const vary = String(inner.headers.vary ?? "");
    if (!/\baccept-encoding\b/i.test(vary)) res.setHeader("vary", [vary, "Accept-Encoding"].filter(Boolean).join(", "));
    res.setHeader("content-length", body.length);
    res.end(body);
  }

  return { serve };
}
