// The static baseline of npm run bench: the same bytes the page cache sends, served from memory
// by a plain Node HTTP server that does nothing else (no routing, no cache key, no policy), with
// as many worker processes as the Tribune server has (WEB_CONCURRENCY, default one per core).
// Serves GET /<name> from <dir>/<name>.br, .gz and .html, picking the body by Accept-Encoding
// (the bench asks for exactly one encoding per run, so a substring test is enough here).
// Run: node --import tsx scripts/bench/static-server.ts <dir> <port>
import cluster from "node:cluster";
import { readdirSync, readFileSync } from "node:fs";
import http from "node:http";
import { availableParallelism } from "node:os";
import path from "node:path";

const [dir = ".", portArg = "3211"] = process.argv.slice(2);
const workers = Number(process.env.WEB_CONCURRENCY) || availableParallelism();

if (cluster.isPrimary && workers > 1) {
  for (let i = 0; i < workers; i++) cluster.fork();
  process.on("SIGTERM", () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.kill("SIGTERM");
    process.exit(0);
  });
} else {
  const bodies = new Map<string, { br: Buffer; gzip: Buffer; identity: Buffer }>();
  for (const file of readdirSync(dir).filter((name) => name.endsWith(".html"))) {
    const name = file.slice(0, -".html".length);
    const read = (ext: string) => readFileSync(path.join(dir, `${name}${ext}`));
    bodies.set(`/${name}`, { br: read(".br"), gzip: read(".gz"), identity: read(".html") });
  }
  http
    .createServer((req, res) => {
      const page = bodies.get(req.url ?? "");
      if (!page) {
        res.statusCode = 404;
        res.end();
        return;
      }
      const accept = String(req.headers["accept-encoding"] ?? "");
      const encoding = accept.includes("br") ? "br" : accept.includes("gzip") ? "gzip" : "identity";
      res.setHeader("content-type", "text/html; charset=utf-8");
      if (encoding !== "identity") res.setHeader("content-encoding", encoding);
      res.setHeader("content-length", page[encoding].length);
      res.end(page[encoding]);
    })
    .listen(Number(portArg), "127.0.0.1", () => process.send?.("ready"));
}
