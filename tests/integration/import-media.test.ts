// npm run import:wxr -- --fetch-media (issue 14, item 1): the bodies' images are copied into
// uploads through the guarded HTTP client (loopback allowed here, as FETCH_ALLOW permits), each
// image once; one that cannot be fetched keeps its address and is reported.
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import http, { type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, test } from "node:test";

process.env.FETCH_ALLOW = "127.0.0.1";
const tmp = mkdtempSync(join(tmpdir(), "tribune-import-media-"));
process.env.UPLOADS_DIR = join(tmp, "uploads");

const { db, disconnectDb } = await import("@/lib/db");
const { importWxr } = await import("@/lib/import");
const { createUser } = await import("../factories");
const { resetDb } = await import("../setup/db");

// A 1×1 PNG.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);
let server: Server;
let base = "";
let served = 0;
before(async () => {
  server = http.createServer((req, res) => {
    if (req.url === "/wp-content/uploads/photo.png") {
      served++;
      res.writeHead(200, { "content-type": "image/png" }).end(PNG);
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await resetDb();
  await createUser({ handle: "admin_media", role: "admin" });
});
after(async () => {
  server.close();
  rmSync(tmp, { recursive: true, force: true });
  await disconnectDb();
});

function wxr(): string {
  const item = (id: number, slug: string) => `<item><title>Photo ${id}</title><link>${base}/${slug}/</link>
<guid isPermaLink="false">${base}/?p=${id}</guid><dc:creator>auteur</dc:creator>
<content:encoded><![CDATA[<p>Avant.</p>[caption id="a" width="1"]<img src="${base}/wp-content/uploads/photo.png" alt="Le lac"> Le lac « gelé »[/caption]<p><img src="${base}/wp-content/uploads/absent.png" alt="Absente"></p>]]></content:encoded>
<wp:post_id>${id}</wp:post_id><wp:post_date_gmt>2026-01-01 10:00:00</wp:post_date_gmt><wp:post_name>${slug}</wp:post_name><wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item>`;
  return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/"><channel><title>Photos</title><link>${base}</link><language>fr</language><wp:wxr_version>1.2</wp:wxr_version><wp:base_blog_url>${base}</wp:base_blog_url>
<wp:author><wp:author_login>auteur</wp:author_login><wp:author_email>auteur@photos.example</wp:author_email><wp:author_display_name>Autrice</wp:author_display_name></wp:author>
${item(1, "une")}${item(2, "deux")}</channel></rss>`;
}

test("--fetch-media: images copied into uploads once; an unreachable one keeps its address and is reported", async () => {
  const file = join(tmp, "photos.xml");
  writeFileSync(file, wxr());
  const report = await importWxr(file, { blog: "photos", actor: { kind: "operator" }, fetchMedia: true });
  assert.equal(report.posts.created, 2);
  assert.equal(served, 1, "the same image is fetched once per run");
  const post = await db.post.findFirstOrThrow({ where: { slug: "une" } });
  const copy = /!\[Le lac\]\((\/uploads\/[a-f0-9]+\.png)\)/.exec(post.bodySource);
  assert.ok(copy, post.bodySource);
  assert.ok(existsSync(join(tmp, "uploads", copy[1]!.split("/").pop()!)));
  assert.match(post.bodySource, /\*Le lac « gelé »\*/);
  assert.ok(post.bodySource.includes(`${base}/wp-content/uploads/absent.png`), "kept at its address");
  assert.ok(report.skipped.some((s) => s.item.includes("absent.png") && /404/.test(s.reason)));
  // Without the option, images stay at their original address.
  const plain = await importWxr(file, { blog: "photos-plain", actor: { kind: "operator" } });
  assert.equal(plain.posts.created, 2);
  const kept = await db.post.findFirstOrThrow({ where: { blog: { slug: "photos-plain" }, slug: "une" } });
  assert.ok(kept.bodySource.includes(`${base}/wp-content/uploads/photo.png`));
});
