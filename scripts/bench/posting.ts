// Benchmark: posting comments while 50 clients read the page. On the demo debate, 50 readers
// loop GET on the article while one writer posts 100 comments one after the other through
// POST /api/v1/posts/{id}/comments (one every 200 ms, start to start; --quick: every 100 ms),
// with the personal API tokens of 10 verified users (10 comments each: the comment limit is
// 10 per 5 minutes per person). Meanwhile 5 streams listen to /api/live/posts/{id} and count
// the comment.created events. Before the readers start, an 11th person posts 10 comments:
// the latency without load, for comparison. The writer stops after 60 s (--quick: 20 s) whatever it posted.
// Reports the POST latency p50/p95/p99, the readers' requests/second
// and p50/p99, and the events each stream received.
// Run: npx tsx --import ./scripts/lib/register.mjs scripts/bench/posting.ts [--quick]
import http from "node:http";
import { performance } from "node:perf_hooks";
import {
  DEBATE,
  HOST,
  isMain,
  load,
  PORT,
  percentile,
  report,
  request,
  round,
  runStandalone,
  type ServerPart,
} from "./lib";

const WRITERS = 10;
/** Comments posted before the readers start, by an 11th person: the latency without load. */
const IDLE = 10;
const COMMENTS = 100;
const READERS = 50;
const STREAMS = 5;

type Seeded = { postId: string; tokens: string[] };

/** listen: a plain streaming GET on the live endpoint, counting `event: comment.created` lines. */
function listen(postId: string) {
  const stream = { connected: false, created: 0, ids: new Set<string>(), close: () => {} };
  const req = http.get(
    { host: HOST, port: PORT, path: `/api/live/posts/${postId}`, headers: { accept: "text/event-stream" } },
    (res) => {
      stream.connected = res.statusCode === 200;
      let buffer = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => {
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (!/^event: comment\.created$/m.test(block)) continue;
          stream.created++;
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (data) stream.ids.add((JSON.parse(data) as { commentId: string }).commentId);
        }
      });
      res.on("error", () => {});
    },
  );
  req.on("error", () => {});
  stream.close = () => req.destroy();
  return stream;
}

export const postingPart: ServerPart<Seeded> = {
  name: "posting",
  async seed() {
    const { db } = await import("@/lib/db");
    const { createApiToken } = await import("@/lib/auth/api-tokens");
    const blog = await db.blog.findUniqueOrThrow({ where: { slug: DEBATE.blog }, select: { id: true } });
    const post = await db.post.findUniqueOrThrow({
      where: { blogId_slug: { blogId: blog.id, slug: DEBATE.post } },
      select: { id: true },
    });
    const tokens: string[] = [];
    for (let i = 0; i <= WRITERS; i++) {
      const user = await db.user.create({
        data: {
          handle: `bench_writer_${i}`,
          handleKey: `bench_writer_${i}`,
          name: `Bench Writer ${i}`,
          nameKey: `bench writer ${i}`,
          email: `bench-writer-${i}@bench.test`,
          emailVerified: new Date(),
        },
        select: { id: true },
      });
      tokens.push((await createApiToken(user.id, "bench")).token);
    }
    return { postId: post.id, tokens };
  },

  async run({ options }, { postId, tokens }) {
    const pathname = `/${DEBATE.blog}/${DEBATE.post}`;
    const intervalMs = options.quick ? 100 : 200;
    // Bounded: the writer stops after maxMs even if it has not posted all 100 (then reported).
    const maxMs = options.quick ? 20_000 : 60_000;
    const streams = Array.from({ length: STREAMS }, () => listen(postId));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const post = async (token: string, text: string) => {
      try {
        const res = await request(`/api/v1/posts/${postId}/comments`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: JSON.stringify({ body: text }),
          sockets: 1,
        });
        return res.status === 201
          ? { ms: res.ms }
          : { failure: `${res.status} ${res.body.toString("utf8").slice(0, 120)}` };
      } catch (error) {
        return { failure: (error as Error).message };
      }
    };
    const failures: Record<string, number> = {};
    const idle: number[] = [];
    for (let i = 0; i < IDLE; i++) {
      const result = await post(tokens[WRITERS]!, `Commentaire sans charge n° ${i + 1}.`);
      if ("ms" in result) idle.push(result.ms!);
      else failures[`idle: ${result.failure}`] = (failures[`idle: ${result.failure}`] ?? 0) + 1;
    }

    let writing = true;
    const readers = load({ pathname, concurrency: READERS, stop: () => !writing, maxMs: 90_000 });
    await new Promise((resolve) => setTimeout(resolve, 1000)); // readers at full speed first

    const latencies: number[] = [];
    const started = performance.now();
    let attempted = 0;
    for (let i = 0; i < COMMENTS && performance.now() - started < maxMs; i++) {
      attempted++;
      const due = started + i * intervalMs;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const result = await post(
        tokens[i % WRITERS]!,
        `Commentaire de charge n° ${i + 1} : la discussion tient-elle le coup ?`,
      );
      if ("ms" in result) latencies.push(result.ms!);
      else failures[result.failure!] = (failures[result.failure!] ?? 0) + 1;
    }
    const writeSeconds = (performance.now() - started) / 1000;
    writing = false;
    const reading = await readers;

    const expected = idle.length + latencies.length;
    const deadline = performance.now() + 5000;
    while (performance.now() < deadline && streams.some((s) => s.ids.size < expected))
      await new Promise((resolve) => setTimeout(resolve, 100));
    streams.forEach((stream) => stream.close());
    const received = streams.map((stream) => stream.ids.size);

    const [p50, p95, p99] = [0.5, 0.95, 0.99].map((p) => round(percentile(latencies, p)));
    const errors = attempted - latencies.length;
    const idleP50 = round(percentile(idle, 0.5));
    const skipped = COMMENTS - attempted;
    console.log(
      `posting: ${latencies.length}/${COMMENTS} comments in ${round(writeSeconds)} s: POST p50 ${p50} ms, ` +
        `p95 ${p95} ms, p99 ${p99} ms, ${errors} errors${errors ? ` ${JSON.stringify(failures)}` : ""}` +
        (skipped ? `, ${skipped} not attempted (time limit ${maxMs / 1000} s reached)` : ""),
    );
    console.log(`posting: without readers, ${idle.length}/${IDLE} comments: POST p50 ${idleP50} ms`);
    console.log(
      `posting: ${READERS} readers meanwhile: ${reading.requests} GET, ${reading.requestsPerSecond} req/s, ` +
        `p50 ${reading.p50Ms} ms, p99 ${reading.p99Ms} ms, ${reading.errors} errors`,
    );
    console.log(
      `posting: live streams (${streams.filter((s) => s.connected).length}/${STREAMS} connected) received ` +
        `${received.join(", ")} comment.created events (expected ${expected} each: ${idle.length} without readers + ${latencies.length})`,
    );
    return [
      report({
        bench: "posting",
        comments: COMMENTS,
        attempted,
        posted: latencies.length,
        postErrors: errors,
        notAttempted: skipped,
        writeLimitS: maxMs / 1000,
        failures,
        writeSeconds: round(writeSeconds),
        postP50Ms: p50,
        postP95Ms: p95,
        postP99Ms: p99,
        postTargetP50Ms: 50,
        idlePosted: idle.length,
        idleP50Ms: idleP50,
        idleMaxMs: round(Math.max(...idle)),
        readers: READERS,
        readerRequests: reading.requests,
        readerErrors: reading.errors,
        readerRequestsPerSecond: reading.requestsPerSecond,
        readerP50Ms: reading.p50Ms,
        readerP99Ms: reading.p99Ms,
        liveStreams: STREAMS,
        liveConnected: streams.filter((s) => s.connected).length,
        liveEventsPerStream: received,
        liveAllReceived: received.every((count) => count === expected),
      }),
    ];
  },
};

if (isMain(import.meta.url)) await runStandalone(postingPart);
