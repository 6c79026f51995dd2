import type { Root as MdRoot, Link } from "mdast";
import type { Root as HastRoot, Element } from "hast";
import rehypeSanitize from "rehype-sanitize";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";
import { visit } from "unist-util-visit";
import { articleSchema, commentSchema } from "./sanitize";

export type RenderKind = "article" | "comment";
export type Rendered = { html: string; links: string[] };

/** collectLinks: the URLs of the markdown's links, from the syntax tree (never inside code). */
function collectLinks(tree: MdRoot): string[] {
  const urls = new Set<string>();
  visit(tree, "link", (node: Link) => {
    urls.add(node.url);
  });
  return [...urls];
}

/** hardenLinks: links leaving the site open without handing over the page; comment links are user content. */
function hardenLinks(kind: RenderKind) {
  return (tree: HastRoot) => {
    visit(tree, "element", (node: Element) => {
      if (node.tagName !== "a") return;
      const href = String(node.properties.href ?? "");
      const external = /^https?:\/\//i.test(href);
      if (kind === "comment") node.properties.rel = ["ugc", "nofollow", "noopener"];
      else if (external) node.properties.rel = ["noopener"];
    });
  };
}

const processors = {
  article: unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype)
    .use(rehypeSanitize, articleSchema)
    .use(hardenLinks, "article")
    .use(rehypeStringify),
  comment: unified()
    .use(remarkParse)
    .use(remarkGfm)
    .use(remarkRehype)
    .use(rehypeSanitize, commentSchema)
    .use(hardenLinks, "comment")
    .use(rehypeStringify),
};

/** renderMarkdown: sanitized HTML plus the links found, from one parse of the source. */
export function renderMarkdown(source: string, kind: RenderKind = "article"): Rendered {
  const processor = processors[kind];
  const mdast = processor.parse(source) as MdRoot;
  const links = collectLinks(mdast);
  const hast = processor.runSync(mdast);
  return { html: String(processor.stringify(hast as HastRoot)), links };
}
