import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import { after, beforeEach, test } from "node:test";
import { GET } from "@/app/uploads/[name]/route";
import { AppError } from "@/lib/errors";
import { saveImageUpload } from "@/lib/uploads";

const dir = mkdtempSync(join(tmpdir(), "tribune-uploads-"));
process.env.UPLOADS_DIR = dir;

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (bytes: Buffer) => {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type: string, data: Buffer) => {
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
};

/** A valid RGB PNG of the given size (every pixel red), built from bytes. */
function png(width: number, height: number): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, Buffer.from([255, 0, 0]))]);
  const pixels = Buffer.concat(Array.from({ length: height }, () => row));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", header),
    chunk("IDAT", deflateSync(pixels)),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** The header of a baseline JPEG (SOI, JFIF, SOF0 with its size, EOI). */
function jpeg(width: number, height: number): Buffer {
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x11, 0x08, 0, 0, 0, 0, 0x03, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  const jfif = Buffer.from([0xff, 0xe0, 0x00, 0x10, ...Buffer.from("JFIF\0"), 1, 1, 0, 0, 1, 0, 1, 0, 0]);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), jfif, sof, Buffer.from([0xff, 0xd9])]);
}

// The classic 1×1 transparent GIF.
const GIF = Buffer.from("R0lGODlhAQABAIAAAP///wAAACH5BAEAAAAALAAAAAABAAEAAAICRAEAOw==", "base64");

const file = (bytes: Buffer | string, name: string, type: string) =>
  new File([typeof bytes === "string" ? bytes : new Uint8Array(bytes)], name, { type });
const refused = (message: string) => (error: unknown) => {
  assert.ok(error instanceof AppError, String(error));
  assert.equal(error.code, "INVALID_INPUT");
  assert.equal(error.message, message);
  return true;
};
const stored = () => readdirSync(dir);
const serve = (name: string) =>
  GET(new Request(`http://localhost/uploads/${name}`), { params: Promise.resolve({ name }) });

beforeEach(() => {
  for (const name of stored()) rmSync(join(dir, name));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test("uploads: a real PNG is stored under a random .png name in UPLOADS_DIR and served back", async () => {
  const bytes = png(3, 2);
  const saved = await saveImageUpload(file(bytes, "Logo.PNG", "image/png"), { purpose: "logo" });
  assert.match(saved.url, /^\/uploads\/[a-f0-9]{32}\.png$/);
  assert.deepEqual(
    { width: saved.width, height: saved.height, type: saved.type },
    { width: 3, height: 2, type: "image/png" },
  );
  assert.equal(saved.bytes, bytes.length);
  const name = saved.url.split("/").at(-1)!;
  assert.deepEqual(stored(), [name]);
  assert.deepEqual(readFileSync(join(dir, name)), bytes);

  const response = await serve(name);
  assert.equal(response.status, 200);
  assert.equal(response.headers.get("content-type"), "image/png");
  assert.equal(response.headers.get("cache-control"), "public, max-age=31536000, immutable");
  assert.equal(response.headers.get("x-content-type-options"), "nosniff");
  assert.deepEqual(Buffer.from(await response.arrayBuffer()), bytes);
});

test("uploads: the type comes from the content, not from the name or the declared type", async () => {
  const saved = await saveImageUpload(file(jpeg(40, 30), "photo.png", "image/png"), { purpose: "cover" });
  assert.match(saved.url, /\.jpg$/);
  assert.equal(saved.type, "image/jpeg");
  assert.deepEqual([saved.width, saved.height], [40, 30]);
  const gif = await saveImageUpload(file(GIF, "pixel", "application/octet-stream"), { purpose: "header" });
  assert.match(gif.url, /\.gif$/);
  const response = await serve(saved.url.split("/").at(-1)!);
  assert.equal(response.headers.get("content-type"), "image/jpeg");
});

test("uploads: text renamed .png, a forged PNG header and an SVG are refused; nothing is written", async () => {
  const forged = Buffer.concat([png(1, 1).subarray(0, 8), Buffer.from("not really an image at all")]);
  const svg = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>';
  await assert.rejects(
    saveImageUpload(file("hello, I am text", "fake.png", "image/png"), { purpose: "logo" }),
    refused("validation.uploadType"),
  );
  await assert.rejects(
    saveImageUpload(file(forged, "forged.png", "image/png"), { purpose: "logo" }),
    refused("validation.uploadType"),
  );
  await assert.rejects(
    saveImageUpload(file(svg, "logo.svg", "image/svg+xml"), { purpose: "logo" }),
    refused("validation.uploadType"),
  );
  assert.deepEqual(stored(), []);
});

test("uploads: too many bytes, too many pixels or no bytes at all are refused", async () => {
  const big = Buffer.concat([png(1, 1), Buffer.alloc(5 * 1024 * 1024)]);
  await assert.rejects(
    saveImageUpload(file(big, "big.png", "image/png"), { purpose: "cover" }),
    refused("validation.uploadTooLarge"),
  );
  await assert.rejects(
    saveImageUpload(file(png(4, 4), "small.png", "image/png"), { purpose: "logo", maxBytes: 20 }),
    refused("validation.uploadTooLarge"),
  );
  await assert.rejects(
    saveImageUpload(file(png(8001, 1), "wide.png", "image/png"), { purpose: "header" }),
    refused("validation.uploadDimensions"),
  );
  await assert.rejects(
    saveImageUpload(file("", "", "image/png"), { purpose: "logo" }),
    refused("validation.uploadEmpty"),
  );
  assert.deepEqual(stored(), []);
});

test("uploads: the route serves only well-formed names of existing files", async () => {
  const saved = await saveImageUpload(file(png(1, 1), "a.png", "image/png"), { purpose: "logo" });
  const name = saved.url.split("/").at(-1)!;
  for (const bad of [
    "../../package.json",
    "..%2F..%2Fpackage.json",
    `${name.slice(0, -4)}.svg`,
    `${name}/`,
    name.toUpperCase(),
    "0".repeat(32) + ".png",
    "",
  ]) {
    assert.equal((await serve(bad)).status, 404, bad);
  }
});

test("uploads: UPLOADS_DIR is read when saving, not when the module loads", async () => {
  const other = mkdtempSync(join(tmpdir(), "tribune-uploads-other-"));
  process.env.UPLOADS_DIR = other;
  try {
    const saved = await saveImageUpload(file(png(1, 1), "a.png", "image/png"), { purpose: "logo" });
    assert.deepEqual(readdirSync(other), [saved.url.split("/").at(-1)]);
    assert.deepEqual(stored(), []);
  } finally {
    process.env.UPLOADS_DIR = dir;
    rmSync(other, { recursive: true, force: true });
  }
});
