import bash from "highlight.js/lib/languages/bash";
import c from "highlight.js/lib/languages/c";
import cpp from "highlight.js/lib/languages/cpp";
import css from "highlight.js/lib/languages/css";
import diff from "highlight.js/lib/languages/diff";
import dockerfile from "highlight.js/lib/languages/dockerfile";
import go from "highlight.js/lib/languages/go";
import ini from "highlight.js/lib/languages/ini";
import java from "highlight.js/lib/languages/java";
import javascript from "highlight.js/lib/languages/javascript";
import json from "highlight.js/lib/languages/json";
import markdown from "highlight.js/lib/languages/markdown";
import php from "highlight.js/lib/languages/php";
import plaintext from "highlight.js/lib/languages/plaintext";
import python from "highlight.js/lib/languages/python";
import ruby from "highlight.js/lib/languages/ruby";
import rust from "highlight.js/lib/languages/rust";
import scss from "highlight.js/lib/languages/scss";
import shell from "highlight.js/lib/languages/shell";
import sql from "highlight.js/lib/languages/sql";
import typescript from "highlight.js/lib/languages/typescript";
import xml from "highlight.js/lib/languages/xml";
import yaml from "highlight.js/lib/languages/yaml";
import type { Options as HighlightOptions } from "rehype-highlight";

// A curated subset (each grammar's own aliases come with it: js, ts, tsx, sh, html, yml, toml,
// py, rb, rs, golang…). Highlighting runs on the server, with no network, and only when the
// fence names a language: no auto-detection, and an unknown language renders as plain code.
/** highlightOptions: rehype-highlight's settings for the pipeline. */
export const highlightOptions: HighlightOptions = {
  detect: false,
  languages: {
    ...{ bash, c, cpp, css, diff, dockerfile, go, ini, java, javascript, json, markdown },
    ...{ php, plaintext, python, ruby, rust, scss, shell, sql, typescript, xml, yaml },
  },
};
