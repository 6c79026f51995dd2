import "server-only";
import { db } from "@/lib/db";
import { legacyPathKey, legacyUrlKey } from "@/lib/links";
import type { ImportReport } from "./run";

/**
 * storeAddresses: records the old permalinks of an imported post. An address already known for
 * this post is left alone; one another post holds is a clash (reported, the first import keeps
 * it); a path another site's import holds is kept as a link address only (no redirect).
 */
export async function storeAddresses(
  runId: string,
  blogId: string,
  postId: string,
  urls: string[],
  report: ImportReport,
): Promise<void> {
  const wanted = new Map<string, { url: string; pathKey: string }>();
  for (const url of urls) {
    const key = legacyUrlKey(url);
    if (!key || wanted.has(key)) continue;
    const parsed = new URL(url);
    wanted.set(key, { url, pathKey: legacyPathKey(parsed.pathname, parsed.search) });
  }
  if (!wanted.size) return;
  const [byUrl, byPath] = await Promise.all([
    db.legacyAddress.findMany({
      where: { urlKey: { in: [...wanted.keys()] } },
      select: { urlKey: true, postId: true },
    }),
    db.legacyAddress.findMany({
      where: { pathKey: { in: [...wanted.values()].map((entry) => entry.pathKey) } },
      select: { pathKey: true, postId: true },
    }),
  ]);
  const urlHolder = new Map(byUrl.map((row) => [row.urlKey, row.postId]));
  const pathHolder = new Map(byPath.map((row) => [row.pathKey!, row.postId]));
  const rows = [];
  for (const [urlKey, { url, pathKey }] of wanted) {
    const holder = urlHolder.get(urlKey);
    if (holder === postId) continue;
    if (holder) {
      report.addresses.clashes.push(`${url}: already the old address of another imported article`);
      continue;
    }
    const pathTaken = pathHolder.has(pathKey) && pathHolder.get(pathKey) !== postId;
    if (pathTaken)
      report.addresses.clashes.push(`${url}: the path ${pathKey} already redirects to another imported article`);
    rows.push({ blogId, postId, url, urlKey, pathKey: pathTaken || pathHolder.has(pathKey) ? null : pathKey, runId });
    pathHolder.set(pathKey, postId);
  }
  if (rows.length) await db.legacyAddress.createMany({ data: rows });
  report.addresses.stored += rows.length;
}
