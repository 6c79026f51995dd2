// Benchmark: the demo debate (33 comments) served by the production server (scripts/serve.ts)
// on 127.0.0.1:3210. Twice: as anonymous readers get it (the page cache answers) and rendered
// for each request (what a signed-in reader, or a refresh of the cache, costs). Each run: 100
// warm-up then 2,000 GETs at concurrency 16 (--quick: 500); prints requests/second, p50/p99
// latency and errors.
// Run: npx tsx --import ./scripts/lib/register.mjs scripts/bench/page.ts [--quick]
import { DEBATE, isMain, load, RENDER, report, runStandalone, type ServerPart } from "./lib";

export const pagePart: ServerPart<void> = {
  name: "page",
  async seed() {},
  async run({ options }) {
    const pathname = `/${DEBATE.blog}/${DEBATE.post}`;
    const total = options.quick ? 500 : 2000;
    const cached = await load({ pathname, total, concurrency: 16, warmup: 100, maxMs: 120_000 });
    const rendered = await load({ pathname, total, concurrency: 16, warmup: 100, maxMs: 120_000, headers: RENDER });
    for (const [name, result] of [
      ["cached", cached],
      ["rendered", rendered],
    ] as const) {
      console.log(
        `page (${name}): ${result.requests} GET ${pathname} in ${result.seconds} s: ${result.requestsPerSecond} req/s, ` +
          `p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, ${result.errors} errors (${result.meanBytes} bytes gzipped)`,
      );
    }
    return [
      report({
        bench: "page",
        path: pathname,
        concurrency: 16,
        ...cached,
        rendered: {
          requests: rendered.requests,
          errors: rendered.errors,
          requestsPerSecond: rendered.requestsPerSecond,
          p50Ms: rendered.p50Ms,
          p99Ms: rendered.p99Ms,
        },
      }),
    ];
  },
};

if (isMain(import.meta.url)) await runStandalone(pagePart);
