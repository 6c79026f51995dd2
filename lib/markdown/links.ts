import type { Element } from "hast";
import type { Root as MdRoot } from "mdast";
import { visit } from "unist-util-visit";
import type { RenderKind } from "./types";

const CLOBBER_PREFIX = "user-content-";

/** isCollectable: a link worth reporting (http(s) or relative to the site), not a fragment or mailto:. */
function isCollectable(url: string): boolean {
  if (url === "" || url.startsWith("#")) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url);
  return !scheme || /^https?$/i.test(scheme[1]!);
}

/** collectLinks: the URLs the author linked to (inline, reference-style and bare), in order, once each. */
export function collectLinks(tree: MdRoot): string[] {
  const definitions = new Map<string, string>();
  // Inline URLs, or "=identifier" for a reference resolved once every definition is known.
  const found: string[] = [];
  visit(tree, (node) => {
    if (node.type === "link") found.push(node.url);
    else if (node.type === "linkReference") found.push(`=${node.identifier}`);
    else if (node.type === "definition" && !definitions.has(node.identifier))
      definitions.set(node.identifier, node.url);
  });
  const urls = new Set<string>();
  for (const entry of found) {
    const url = entry.startsWith("=") ? definitions.get(entry.slice(1)) : entry;
    if (url !== undefined && isCollectable(url)) urls.add(url);
  }
  return [...urls];
}

/**
 * rewriteFragments: `#x` links point at `#user-content-x` when the sanitizer prefixed that id
 * (footnote references and back links, the author's own `[see](#intro)`), so clicking works
 * without GitHub's client-side hash rewriting.
 */
export function rewriteFragments(links: Element[], ids: Set<string>): void {
  for (const node of links) {
    const href = node.properties.href;
    if (typeof href !== "string" || !href.startsWith("#")) continue;
    let fragment: string;
    try {
      fragment = decodeURIComponent(href.slice(1));
    } catch {
      continue;
    }
    if (!fragment.startsWith(CLOBBER_PREFIX) && ids.has(CLOBBER_PREFIX + fragment)) {
      node.properties.href = `#${CLOBBER_PREFIX}${href.slice(1)}`;
    }
  }
}

/** isExternal: an http(s) URL on another host than the instance's. */
function isExternal(href: string, site: URL): boolean {
  try {
    const url = new URL(href, site);
    return (url.protocol === "http:" || url.protocol === "https:") && url.host !== site.host;
  } catch {
    return false;
  }
}

/**
 * hardenLinks: every comment link is user content (ugc nofollow noopener: no search-engine
 * credit for spam); article links to other hosts open without handing over the page or the referrer.
 */
export function hardenLinks(links: Element[], kind: RenderKind, siteUrl: string): void {
  const site = new URL(siteUrl);
  for (const node of links) {
    if (typeof node.properties.href !== "string") continue;
    if (kind === "comment") node.properties.rel = ["ugc", "nofollow", "noopener"];
    else if (isExternal(node.properties.href, site)) node.properties.rel = ["noopener", "noreferrer"];
  }
}
