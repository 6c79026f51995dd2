// Benchmark: renders a generated 2,000-word French article (headings, lists, code, a table,
// links, footnotes, French typography) with the uncached pipeline for about 3 s after a
// warm-up, then prints renders per second, the mean time and a JSON line.
// Run: npx tsx scripts/bench/markdown.ts
import { performance } from "node:perf_hooks";
import { renderMarkdown, type RenderOptions } from "@/lib/markdown";
import { buildArticle } from "./article-text";

const WORDS = 2000;
const WARMUP_MS = 1000;
const MEASURE_MS = 3000;

const article = buildArticle(WORDS);
const options: RenderOptions = {
  kind: "article",
  frenchTypography: true,
  locale: "fr",
  siteUrl: "https://tribune.test",
};
const words = renderMarkdown(article, options).words;

function run(durationMs: number): { renders: number; elapsed: number } {
  const start = performance.now();
  let renders = 0;
  while (performance.now() - start < durationMs) {
    renderMarkdown(article, options);
    renders++;
  }
  return { renders, elapsed: performance.now() - start };
}

run(WARMUP_MS);
const { renders, elapsed } = run(MEASURE_MS);
const rendersPerSecond = Math.round((renders / elapsed) * 1000 * 10) / 10;
const meanMs = Math.round((elapsed / renders) * 100) / 100;
console.log(`markdown: ${words} words (${article.length} characters), ${renders} renders in ${Math.round(elapsed)} ms`);
console.log(`markdown: ${rendersPerSecond} renders/s, mean ${meanMs} ms`);
console.log(JSON.stringify({ bench: "markdown", wordsPerArticle: WORDS, rendersPerSecond, meanMs }));
