import assert from "node:assert/strict";
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { test } from "node:test";

// The size-adjusted fallbacks of app/styles/fonts.css are numbers copied by hand: this
// recomputes them from the font files with next/font's own functions, so a font update that
// changes the metrics fails here instead of making pages jump.
const require = createRequire(import.meta.url);
const fontkit = require("next/dist/compiled/@next/font/dist/fontkit").default;
const create = (fontkit.default ?? fontkit) as (buffer: Buffer) => unknown;
const { getFallbackMetricsFromFontFile } =
  require("next/dist/compiled/@next/font/dist/local/get-fallback-metrics-from-font-file") as {
    getFallbackMetricsFromFontFile: (font: unknown, category: string) => Record<string, string>;
  };

const css = readFileSync("app/styles/fonts.css", "utf8");
const faces = [...css.matchAll(/@font-face\s*\{([^}]*)\}/g)].map((match) => match[1]!);
const prop = (face: string, name: string) => new RegExp(`${name}:\\s*([^;]+);`).exec(face)?.[1]?.trim();
const percent = (value: string | undefined) => Number.parseFloat(value ?? "NaN");

test("fonts: every face is self-hosted from an installed package, swapped, and limited to Latin and Latin Extended", () => {
  const fonts = faces.filter((face) => prop(face, "src")?.startsWith("url("));
  assert.equal(fonts.length, 6);
  for (const face of fonts) {
    const url = /url\("([^"]+)"\)/.exec(prop(face, "src")!)![1]!;
    assert.ok(existsSync(resolve("app/styles", url)), url);
    assert.match(url, /-latin(-ext)?-wght-(normal|italic)\.woff2$/);
    assert.equal(prop(face, "font-display"), "swap");
    assert.ok(prop(face, "unicode-range"), "a unicode-range");
  }
});

test("fonts: the fallbacks' size adjustments match the font files' metrics", () => {
  const fallbacks = faces.filter((face) => prop(face, "font-family")?.includes("Fallback"));
  assert.equal(fallbacks.length, 3);
  for (const fallback of fallbacks) {
    const family = prop(fallback, "font-family")!
      .replace(/"/g, "")
      .replace(/ Fallback$/, "");
    const style = prop(fallback, "font-style") ?? "normal";
    const face = faces.find(
      (f) =>
        prop(f, "font-family") === `"${family}"` &&
        (prop(f, "font-style") ?? "normal") === style &&
        /-latin-wght-/.test(prop(f, "src") ?? ""),
    )!;
    const url = /url\("([^"]+)"\)/.exec(prop(face, "src")!)![1]!;
    const metrics = getFallbackMetricsFromFontFile(
      create(readFileSync(resolve("app/styles", url))),
      family.includes("Serif") ? "serif" : "sans-serif",
    );
    for (const [cssName, key] of [
      ["size-adjust", "sizeAdjust"],
      ["ascent-override", "ascentOverride"],
      ["descent-override", "descentOverride"],
      ["line-gap-override", "lineGapOverride"],
    ] as const) {
      assert.ok(
        Math.abs(percent(prop(fallback, cssName)) - percent(metrics[key])) < 0.02,
        `${family} ${style} ${cssName}: ${prop(fallback, cssName)} vs ${metrics[key]}`,
      );
    }
  }
});
