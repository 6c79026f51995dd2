// Benchmark: the hostile-markdown corpus (tests/fixtures/hostile-markdown.ts) through the app's
// render pool (MARKDOWN_WORKERS workers, MARKDOWN_RENDER_TIMEOUT_MS), one text at a time: how long
// each takes to be refused or rendered, as a comment (5,000 characters, its limit) and as a long
// article (50,000 characters), the worst of those (target: under 1 s), the same at the longest
// article allowed (time limit scaled to its length), two ordinary articles for comparison, and
// the main thread's worst event-loop delay meanwhile (what every other request would wait).
// Run: npx tsx --import ./scripts/lib/register.mjs scripts/bench/markdown-bounds.ts
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { renderPool } from "@/lib/markdown";
import { hostileMarkdown } from "../../tests/fixtures/hostile-markdown";
import { buildArticle } from "./article-text";

const pool = renderPool();
const options = { frenchTypography: true, locale: "fr" as const, siteUrl: "https://tribune.test" };

async function timed(source: string, kind: "comment" | "article"): Promise<{ ms: number; outcome: string }> {
  const started = performance.now();
  let outcome = "rendered";
  try {
    await pool.render(source, { kind, ...options });
  } catch (error) {
    outcome = (error as Error).message.replace("validation.markdown", "refused: ");
  }
  return { ms: performance.now() - started, outcome };
}

// Warm both workers, so start-up is not counted against the first text.
await Promise.all([timed("*warm*", "comment"), timed("*warm*", "article")]);

const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();
const sizes = [
  ["comment", "comment", 5_000],
  ["article", "article", 50_000],
  ["longest article", "article", 200_000],
] as const;
const worst: Record<string, { ms: number; name: string; outcome: string }> = {};
for (const [name, source] of Object.entries(hostileMarkdown)) {
  const cells: string[] = [];
  for (const [label, kind, size] of sizes) {
    const { ms, outcome } = await timed(source.slice(0, size), kind);
    if (!worst[label] || ms > worst[label].ms) worst[label] = { ms, name, outcome };
    cells.push(`${label}: ${ms.toFixed(0)} ms ${outcome}`);
  }
  console.log(`markdown-bounds: ${name.padEnd(38)} ${cells.join(" | ")}`);
}
loop.disable();

const ordinary: Record<string, number> = {};
for (const words of [2_000, 25_000]) {
  const article = buildArticle(words);
  const { ms, outcome } = await timed(article, "article");
  if (outcome !== "rendered") throw new Error(`an ordinary ${words}-word article was ${outcome}`);
  ordinary[`${words}`] = Math.round(ms);
  console.log(`markdown-bounds: ordinary ${words}-word article (${article.length} characters): ${ms.toFixed(0)} ms`);
}
await pool.close();

const round = (ms: number) => Math.round(ms);
const worstCorpusMs = Math.max(worst.comment!.ms, worst.article!.ms);
console.log(
  `markdown-bounds: worst, comments and 50,000-character articles: ${round(worstCorpusMs)} ms (target < 1,000); ` +
    `longest articles: ${round(worst["longest article"]!.ms)} ms (${worst["longest article"]!.name}); ` +
    `main thread's worst event-loop delay meanwhile: ${(loop.max / 1e6).toFixed(1)} ms`,
);
console.log(
  JSON.stringify({
    bench: "markdown-bounds",
    texts: Object.keys(hostileMarkdown).length,
    worstCorpusMs: round(worstCorpusMs),
    worstCommentMs: round(worst.comment!.ms),
    worstComment: worst.comment!.name,
    worstArticleMs: round(worst.article!.ms),
    worstArticle: worst.article!.name,
    worstLongestArticleMs: round(worst["longest article"]!.ms),
    worstLongestArticle: worst["longest article"]!.name,
    eventLoopMaxMs: Math.round(loop.max / 1e4) / 100,
    ordinary2000WordsMs: ordinary["2000"],
    ordinary25000WordsMs: ordinary["25000"],
  }),
);
process.exit(0);
