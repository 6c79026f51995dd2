import "server-only";
import type { Tx } from "@/lib/db";

// Old addresses of imported posts (LegacyAddress rows, written by lib/import). A link is matched
// by its key: host (lower case) + path without trailing slash + query, scheme and fragment
// dropped, so "https://Site.org/a/" and "http://site.org/a" name the same article.

/** legacyUrlKey: the match key of an absolute http(s) URL, or null for anything else. */
export function legacyUrlKey(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") return null;
  const path = parsed.pathname.replace(/\/+$/, "");
  return `${parsed.host.toLowerCase()}${path}${parsed.search}`;
}

/**
 * legacyPathKey: the key of the path an old site served a page at, as a request on Tribune
 * would carry it: path without trailing slash ("" for the root) and, only for WordPress's
 * "?p=123" / "?page_id=123" addresses, that query.
 */
export function legacyPathKey(pathname: string, search: string | URLSearchParams = ""): string {
  const params = typeof search === "string" ? new URLSearchParams(search) : search;
  const path = pathname.replace(/\/+$/, "");
  for (const name of ["p", "page_id"]) {
    const value = params.get(name);
    if (value && /^\d{1,12}$/.test(value)) return `${path}?${name}=${value}`;
  }
  return path || "/";
}

/** legacyUrlVariants: the spellings of an old address a link may use (http/https, with or without the final slash). */
export function legacyUrlVariants(url: string): string[] {
  const key = legacyUrlKey(url);
  if (!key) return [];
  const query = key.indexOf("?");
  const hostPath = query < 0 ? key : key.slice(0, query);
  const search = query < 0 ? "" : key.slice(query);
  const out = new Set<string>();
  for (const scheme of ["http://", "https://"]) {
    out.add(`${scheme}${hostPath}${search}`);
    out.add(`${scheme}${hostPath}/${search}`);
  }
  return [...out];
}

/** legacyTargets: for each absolute URL that is the old address of an imported post, that post's id (one query). */
export async function legacyTargets(tx: Tx, urls: Iterable<string>): Promise<Map<string, string>> {
  const keys = new Map<string, string>();
  for (const url of urls) {
    const key = legacyUrlKey(url);
    if (key) keys.set(url, key);
  }
  if (!keys.size) return new Map();
  const rows = await tx.legacyAddress.findMany({
    where: { urlKey: { in: [...new Set(keys.values())] } },
    select: { urlKey: true, postId: true },
  });
  const byKey = new Map(rows.map((row) => [row.urlKey, row.postId]));
  const out = new Map<string, string>();
  for (const [url, key] of keys) {
    const postId = byKey.get(key);
    if (postId) out.set(url, postId);
  }
  return out;
}
