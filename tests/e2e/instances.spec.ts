import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import http from "node:http";
import https from "node:https";
import { tmpdir } from "node:os";
import path from "node:path";
import { dropPgDatabase } from "../../lib/db/migrations";
import { env as config } from "../../lib/env.js";
import { expect, test } from "./fixtures";
import { signIn } from "./helpers/accounts";

// Issue 12, item 6: two instances of one site. Two full production servers (scripts/start.ts on
// the e2e build, SKIP_BUILD) on their own ports share one fresh PostgreSQL database and one
// Redis (a prefix of this run's own): a comment posted on one arrives live at a reader of the
// other, both page caches forget the page, and rate limits count on both together. Then
// deploy/nginx.conf itself (Debian's nginx, ports and certificate rewritten) in front of both.
// Runs once, in the sqlite project (its servers are its own); about a minute.

const PORTS = { a: 3102, b: 3103, nginx: 3104 };
const ARTICLE = "/open-margins/reading-the-local-paper-in-my-second-language";
const PRIYA = "priya@demo.tribune.test";
const SYLVAIN = "sylvain@demo.tribune.test";
const runId = `${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
const adminUrl = config.PG_ADMIN_URL;
const pgName = `tribune_instances_${runId}`;
const pgUrl = Object.assign(new URL(adminUrl), { pathname: `/${pgName}` }).toString();
const origin = (port: number) => `http://127.0.0.1:${port}`;
const NGINX = ["/usr/sbin/nginx", "/usr/bin/nginx"].find((file) => existsSync(file));

const children: ChildProcess[] = [];
let nginxDir: string | undefined;

function env(port: number): NodeJS.ProcessEnv {
  return {
    ...process.env,
    DATABASE_URL: pgUrl,
    PORT: String(port),
    HOST: "127.0.0.1",
    NEXTAUTH_URL: origin(port),
    NEXTAUTH_SECRET: "instances-secret-not-for-production-use",
    NEXT_TELEMETRY_DISABLED: "1",
    REDIS_URL: process.env.REDIS_URL || "redis://127.0.0.1:6379",
    REDIS_PREFIX: `tribune-instances-${runId}`,
    SMTP_URL: "smtp://127.0.0.1:2526",
    TRUST_PROXY: "1",
    WEB_CONCURRENCY: "1",
    SKIP_BUILD: "1",
  };
}

async function healthy(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    const ok = await fetch(`${url}/api/health`).then(
      (res) => res.ok,
      () => false,
    );
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`${url} did not answer in time`);
}

function start(port: number): ChildProcess {
  const child = spawn(path.resolve("node_modules", ".bin", "tsx"), ["scripts/start.ts"], {
    env: env(port),
    stdio: ["ignore", "ignore", "inherit"],
    detached: true,
  });
  children.push(child);
  return child;
}

/** The committed nginx configuration in front of both instances, on loopback with a throwaway certificate. */
function startNginx(): number {
  nginxDir = mkdtempSync(path.join(tmpdir(), "tribune-nginx-"));
  const made = spawnSync("openssl", [
    "req",
    ...["-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1"],
    ...["-keyout", path.join(nginxDir, "key.pem"), "-out", path.join(nginxDir, "cert.pem")],
  ]);
  if (made.status !== 0) throw new Error(`openssl: ${made.stderr}`);
  const site = readFileSync("deploy/nginx.conf", "utf8")
    .replace("server 127.0.0.1:3000", `server 127.0.0.1:${PORTS.a}`)
    .replace("server 127.0.0.1:3001", `server 127.0.0.1:${PORTS.b}`)
    .replace(/listen 80;\n\s*listen \[::\]:80;/, `listen 127.0.0.1:${PORTS.nginx + 1};`)
    .replace(/listen 443 ssl http2;\n\s*listen \[::\]:443 ssl http2;/, `listen 127.0.0.1:${PORTS.nginx} ssl;`)
    .replace(/\/etc\/letsencrypt\/live\/tribune.example\/fullchain.pem/, path.join(nginxDir, "cert.pem"))
    .replace(/\/etc\/letsencrypt\/live\/tribune.example\/privkey.pem/, path.join(nginxDir, "key.pem"));
  writeFileSync(path.join(nginxDir, "site.conf"), site);
  const temp = ["client_body", "proxy", "fastcgi", "uwsgi", "scgi"]
    .map((kind) => `${kind}_temp_path ${path.join(nginxDir!, kind)};`)
    .join(" ");
  writeFileSync(
    path.join(nginxDir, "nginx.conf"),
    `daemon off; worker_processes 1; pid ${path.join(nginxDir, "nginx.pid")};
events { worker_connections 256; }
http { access_log off; ${temp} include ${path.join(nginxDir, "site.conf")}; }\n`,
  );
  const child = spawn(NGINX!, ["-p", nginxDir, "-e", path.join(nginxDir, "error.log"), "-c", "nginx.conf"], {
    stdio: ["ignore", "ignore", "inherit"],
  });
  children.push(child);
  return child.pid!;
}

/** listen: a live stream (SSE) of one article on one server; `seen(text)` waits until the stream has carried it. */
function listen(url: string) {
  let received = "";
  const waiters: (() => void)[] = [];
  const client = url.startsWith("https:") ? https : http;
  const req = client.get(url, { rejectUnauthorized: false, headers: { accept: "text/event-stream" } }, (res) => {
    res.setEncoding("utf8");
    res.on("data", (chunk: string) => {
      received += chunk;
      waiters.splice(0).forEach((wake) => wake());
    });
  });
  req.on("error", () => {});
  const seen = async (text: string, ms = 10_000) => {
    const deadline = Date.now() + ms;
    while (!received.includes(text)) {
      if (Date.now() > deadline) throw new Error(`the stream never carried ${text}: ${received.slice(-300)}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 200);
      });
    }
  };
  return { seen, close: () => req.destroy() };
}

test.describe.configure({ mode: "serial", timeout: 240_000 });

test.beforeAll(async () => {
  test.setTimeout(240_000);
  // The first one migrates and imports the demo; the second finds the database ready.
  start(PORTS.a);
  await healthy(origin(PORTS.a), Date.now() + 180_000);
  start(PORTS.b);
  await healthy(origin(PORTS.b), Date.now() + 120_000);
});

test.afterAll(async () => {
  for (const child of children) {
    try {
      process.kill(child.spawnargs.includes("scripts/start.ts") ? -child.pid! : child.pid!, "SIGTERM");
    } catch {
      // already gone
    }
  }
  await Promise.all(
    children.map((child) => (child.exitCode !== null ? null : new Promise((resolve) => child.once("exit", resolve)))),
  );
  if (nginxDir) rmSync(nginxDir, { recursive: true, force: true });
  await dropPgDatabase(adminUrl, pgName).catch((error) => console.error(`could not drop ${pgName}:`, error));
});

test("[INSTANCES]: a comment posted on one instance arrives live at a reader of the other, and both page caches forget the page", async ({
  browser,
}) => {
  const a = origin(PORTS.a);
  const b = origin(PORTS.b);
  const [blog, slug] = ARTICLE.slice(1).split("/");
  const post = (await (await fetch(`${b}/api/v1/blogs/${blog}/posts/${slug}`)).json()) as { id: string };
  for (const server of [a, b]) {
    await fetch(`${server}${ARTICLE}`);
    expect((await fetch(`${server}${ARTICLE}`)).headers.get("x-tribune-cache"), server).toBe("hit");
  }
  const reader = listen(`${b}/api/live/posts/${post.id}`);

  const context = await browser.newContext({ baseURL: a, locale: "fr-CA" });
  await context.setExtraHTTPHeaders({ "x-forwarded-for": "10.12.0.1" });
  const priya = await context.newPage();
  await signIn(priya, PRIYA);
  const text = `Posté sur une instance, lu sur l'autre ${runId}`;
  const created = await priya.request.post(`${a}/api/v1/posts/${post.id}/comments`, {
    data: { body: text },
    headers: { origin: a },
  });
  expect(created.status()).toBe(201);
  const { id } = (await created.json()) as { id: string };

  await reader.seen(id);
  reader.close();
  // Both caches forgot the page at once: within the grace it may still be served (stale) while
  // one refresh runs, never as a hit; after it, each shows the comment.
  for (const server of [a, b])
    expect((await fetch(`${server}${ARTICLE}`)).headers.get("x-tribune-cache"), server).not.toBe("hit");
  await new Promise((resolve) => setTimeout(resolve, 1500));
  for (const server of [a, b]) {
    await expect
      .poll(async () => (await fetch(`${server}${ARTICLE}`)).text(), { message: server, timeout: 10_000 })
      .toContain(`comment-${id}`);
  }

  // Rate limits: 10 comments per 5 minutes per person, counted on both instances together.
  const statuses: number[] = [];
  for (let i = 0; i < 11; i++) {
    const server = i % 2 ? a : b;
    const response = await priya.request.post(`${server}/api/v1/posts/${post.id}/comments`, {
      data: { body: `Encore un, numéro ${i + 2}` },
      headers: { origin: server },
    });
    statuses.push(response.status());
  }
  expect(statuses).toEqual([...Array<number>(9).fill(201), 429, 429]);
  await context.close();
});

test("[INSTANCES]: deploy/nginx.conf in front of both: pages, encodings and live updates pass through", async ({
  browser,
}) => {
  test.skip(!NGINX, "Debian's nginx is not installed (apt-get install -y nginx-light)");
  startNginx();
  const front = `https://127.0.0.1:${PORTS.nginx}`;
  const get = (pathname: string, headers: Record<string, string> = {}) =>
    new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
      https
        .get(`${front}${pathname}`, { rejectUnauthorized: false, headers }, (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (chunk: Buffer) => chunks.push(chunk));
          res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks) }));
        })
        .on("error", reject);
    });
  await expect.poll(async () => (await get("/api/health").catch(() => ({ status: 0 }))).status).toBe(200);

  // Plain HTTP is sent to HTTPS.
  const plain = await fetch(`http://127.0.0.1:${PORTS.nginx + 1}${ARTICLE}`, { redirect: "manual" });
  expect(plain.status).toBe(301);
  expect(plain.headers.get("location")).toBe(`https://127.0.0.1${ARTICLE}`);

  // Each instance fills its own cache once; then every answer through nginx is a hit, in the
  // encoding the client asked for, never compressed again on the way.
  // (The previous test's comments changed the page: each instance re-renders it once.)
  await expect
    .poll(
      async () => {
        const twice = [await get(ARTICLE), await get(ARTICLE)];
        return twice.map((page) => page.headers["x-tribune-cache"]).join();
      },
      { timeout: 15_000 },
    )
    .toBe("hit,hit");
  for (const encoding of ["br", "gzip", "identity"]) {
    const page = await get(ARTICLE, { "accept-encoding": encoding });
    expect(page.status).toBe(200);
    expect(page.headers["x-tribune-cache"], encoding).toBe("hit");
    expect(page.headers["content-encoding"] ?? "identity").toBe(encoding);
    // Behind HTTPS the app knows it (X-Forwarded-Proto): HSTS on every page.
    expect(page.headers["strict-transport-security"]).toContain("max-age=");
  }

  // Live updates stream through nginx unbuffered.
  const [blog, slug] = ARTICLE.slice(1).split("/");
  const post = JSON.parse((await get(`/api/v1/blogs/${blog}/posts/${slug}`)).body.toString()) as { id: string };
  const reader = listen(`${front}/api/live/posts/${post.id}`);
  await new Promise((resolve) => setTimeout(resolve, 500));
  const context = await browser.newContext({ baseURL: origin(PORTS.a), locale: "fr-CA" });
  await context.setExtraHTTPHeaders({ "x-forwarded-for": "10.12.0.2" });
  const sylvain = await context.newPage();
  await signIn(sylvain, SYLVAIN);
  const created = await sylvain.request.post(`${origin(PORTS.a)}/api/v1/posts/${post.id}/comments`, {
    data: { body: "Lu à travers nginx." },
    headers: { origin: origin(PORTS.a) },
  });
  expect(created.status()).toBe(201);
  await reader.seen(((await created.json()) as { id: string }).id);
  reader.close();
  await context.close();
});
