/** renderMarkdown: markdown → sanitized HTML and the links it contains (article or comment subset). */
export { renderMarkdown, type Rendered, type RenderKind } from "./render";
