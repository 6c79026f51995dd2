import "server-only";
import LinkHeader from "http-link-header";
import { parse } from "parse5";
import { guardedFetch } from "@/lib/http";

const hasWebmentionRel = (rel: string | undefined) =>
  Boolean(rel && rel.toLowerCase().split(/\s+/).includes("webmention"));

/** endpointFromLinkHeader: the first Link header value whose rel names webmention, resolved. */
export function endpointFromLinkHeader(header: string | null, base: string): string | null {
  if (!header) return null;
  let refs: LinkHeader.Reference[];
  try {
    refs = LinkHeader.parse(header).refs;
  } catch {
    return null;
  }
  for (const ref of refs) {
    if (!hasWebmentionRel(ref.rel)) continue;
    try {
      return new URL(ref.uri, base).toString();
    } catch {
      // a value that is no URL: look further
    }
  }
  return null;
}

type Node = {
  nodeName: string;
  tagName?: string;
  attrs?: { name: string; value: string }[];
  childNodes?: Node[];
  content?: Node;
};

/**
 * endpointFromHtml: the first <link> or <a> element, in document order, with rel="webmention"
 * (among other values) and an href; an empty href is the page itself. Comments are not elements,
 * so an endpoint inside an HTML comment is never seen; escaped markup is text.
 */
export function endpointFromHtml(html: string, base: string): string | null {
  const stack: Node[] = [parse(html) as unknown as Node];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.tagName === "link" || node.tagName === "a") {
      const attr = (name: string) => node.attrs?.find((a) => a.name === name)?.value;
      const href = attr("href");
      if (href !== undefined && hasWebmentionRel(attr("rel"))) {
        try {
          return new URL(href, base).toString();
        } catch {
          // not a URL: keep looking
        }
      }
    }
    const children = node.content?.childNodes ?? node.childNodes ?? [];
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return null;
}

/**
 * discoverEndpoint: where `target` receives Webmentions (W3C §3.1.2): fetch it (public addresses
 * only, redirects followed), then the HTTP Link header first, then the page's first <link> or
 * <a rel="webmention">; relative addresses resolve against the final URL, query strings kept.
 * null when the target advertises none. Fetch failures are thrown (FetchError).
 */
export async function discoverEndpoint(target: string): Promise<string | null> {
  const response = await guardedFetch(target, {
    headers: { accept: "text/html, application/xhtml+xml;q=0.9, */*;q=0.5" },
  });
  const fromHeader = endpointFromLinkHeader(response.headers.get("link"), response.url);
  if (fromHeader) return fromHeader;
  if (response.status >= 400) return null;
  const type = response.headers.get("content-type") ?? "";
  if (type && !/html/i.test(type)) return null;
  return endpointFromHtml(response.text(), response.url);
}
