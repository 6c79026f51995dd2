// Benchmark: the demo debate (33 comments) served by the production build. Prepares a fresh
// bench database (building the app when stale), starts `next start` on 127.0.0.1:3210, fires
// 100 warm-up then 2,000 GETs (concurrency 16; --quick: 500) and prints requests/second,
// p50/p99 latency and errors, then stops the server and removes the database.
// Run: npx tsx --import ./scripts/lib/register.mjs scripts/bench/page.ts [--quick]
import { DEBATE, isMain, load, report, runStandalone, type ServerPart } from "./lib";

export const pagePart: ServerPart<void> = {
  name: "page",
  async seed() {},
  async run({ options }) {
    const pathname = `/${DEBATE.blog}/${DEBATE.post}`;
    const total = options.quick ? 500 : 2000;
    const result = await load({ pathname, total, concurrency: 16, warmup: 100, maxMs: 120_000 });
    console.log(
      `page: ${result.requests} GET ${pathname} in ${result.seconds} s: ${result.requestsPerSecond} req/s, ` +
        `p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, ${result.errors} errors (${result.meanBytes} bytes gzipped)`,
    );
    return [report({ bench: "page", path: pathname, concurrency: 16, ...result })];
  },
};

if (isMain(import.meta.url)) await runStandalone(pagePart);
