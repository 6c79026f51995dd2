import "server-only";
import { basename } from "node:path";
import { stat } from "node:fs/promises";
import { db, newId } from "@/lib/db";
import { isAppError } from "@/lib/errors";
import { renderPostBody, slugFromTitle, tagSlug, uniqueSlug } from "@/lib/posts";
import { storeAddresses } from "../addresses";
import { importTarget, type ImportActor, type ImportTarget } from "../blog";
import { writeComments, type CommentWriter, type ImportComment } from "../comments";
import { finishImport, newReport, type ImportProgress } from "../finish";
import { newAddresses } from "../links";
import { markdownLinkUrls, rewriteLinks } from "../markdown-links";
import { fetchMedia } from "../media";
import { People } from "../people";
import { fileSha256, sha256, stagedData, startRun, rollbackRun, type ImportReport } from "../run";
import { wordpressToMarkdown } from "../wordpress-html";
import { readWxr, type WxrComment, type WxrItem, type WxrSite } from "./parse";

export type WxrOptions = {
  blog: string;
  actor: ImportActor;
  skipPages?: boolean;
  /** Download the bodies' images into uploads (the operator's command only). */
  fetchMedia?: boolean;
  onProgress?: (progress: ImportProgress) => void;
};

const SKIP_STATUS: Record<string, string> = {
  trash: "in WordPress's trash",
  "auto-draft": "an unsaved automatic draft",
  inherit: "a revision",
};

/**
 * importWxr: imports a WordPress export (WXR 1.1/1.2) into a blog, streaming the file one item
 * at a time. New rows stay hidden until the run completes; any failure (a cut file, a database
 * error) removes what the run wrote and throws. Re-running the same file writes nothing.
 */
export async function importWxr(path: string, options: WxrOptions): Promise<ImportReport> {
  const total = (await stat(path)).size;
  const fileHash = await fileSha256(path);
  let runId: string | null = null;
  let target: ImportTarget | null = null;
  let report: ImportReport | null = null;
  let state: WxrState | null = null;
  try {
    for await (const event of readWxr(path, {
      onBytes: (bytes) => report && options.onProgress?.({ bytes, total, report }),
    })) {
      if (event.kind === "site") {
        target = await importTarget(options.blog, options.actor, {
          name: event.site.title,
          language: event.site.language,
        });
        runId = await startRun({
          blogId: target.id,
          kind: "wxr",
          fileName: basename(path),
          fileHash,
          startedById: options.actor.kind === "person" ? options.actor.actor.id : null,
        });
        report = newReport(runId, target);
        state = newState(runId, target, event.site, report, options);
      } else await importItem(state!, event.item);
    }
    if (!state) throw new Error("The file has no WordPress site description.");
    return await finishImport(state.runId, target!, report!, state.touchedPosts, state.writer.touched);
  } catch (error) {
    if (runId) await rollbackRun(runId, error instanceof Error ? error.message : String(error));
    throw error;
  }
}

type WxrState = {
  runId: string;
  blog: ImportTarget;
  site: WxrSite;
  base: string;
  siteKey: string;
  report: ImportReport;
  people: People;
  writer: CommentWriter;
  touchedPosts: string[];
  skipPages: boolean;
  /** Images downloaded so far (original address → upload, null when it could not be fetched); null: not asked for. */
  media: Map<string, string | null> | null;
};

function newState(
  runId: string,
  blog: ImportTarget,
  site: WxrSite,
  report: ImportReport,
  options: WxrOptions,
): WxrState {
  const people = new People(options.actor.kind === "operator" ? "operator" : "members", blog.id, (userId) =>
    db.importStaged
      .createMany({ data: stagedData(runId, [{ itemType: "user", itemId: userId, action: "create" }]) })
      .then(() => {}),
  );
  report.people = people.counts;
  const base = (site.baseBlogUrl || site.link || site.baseSiteUrl).replace(/\/+$/, "");
  return {
    runId,
    blog,
    site,
    base,
    siteKey: sha256(base.replace(/^https?:\/\//i, "").toLowerCase()).slice(0, 12),
    report,
    people,
    writer: { runId, people, report, ids: new Map(), touched: [] },
    touchedPosts: [],
    skipPages: options.skipPages ?? false,
    media: options.fetchMedia && options.actor.kind === "operator" ? new Map() : null,
  };
}

/** WordPress dates: "YYYY-MM-DD hh:mm:ss" in UTC (the _gmt field), else the local one read as UTC, else the RSS date. */
function wpDate(gmt: string, local: string, rss = ""): Date | null {
  for (const value of [gmt, local]) {
    const match = /^(\d{4})-(\d\d)-(\d\d) (\d\d):(\d\d):(\d\d)$/.exec(value.trim());
    if (match && match[1] !== "0000")
      return new Date(`${match[1]}-${match[2]}-${match[3]}T${match[4]}:${match[5]}:${match[6]}Z`);
  }
  const parsed = rss ? new Date(rss) : null;
  return parsed && !Number.isNaN(parsed.getTime()) ? parsed : null;
}

function wpSlug(item: WxrItem): string {
  let raw = item.slug.trim();
  try {
    raw = decodeURIComponent(raw);
  } catch {
    // A malformed escape: the slug is rebuilt from its text as it stands.
  }
  return slugFromTitle(raw || item.title || `wordpress-${item.id}`);
}

const STATUS: Record<string, "published" | "scheduled" | "draft"> = {
  publish: "published",
  future: "scheduled",
  draft: "draft",
  pending: "draft",
  private: "draft",
};

async function importItem(state: WxrState, item: WxrItem): Promise<void> {
  const { report } = state;
  const label = `${item.type || "item"} ${item.id} “${item.title.slice(0, 80)}”`;
  const skip = (reason: string) => {
    report.posts.skipped++;
    report.skipped.push({ item: label, reason });
  };
  if (item.type !== "post" && item.type !== "page") return skip(`the type “${item.type}” is not imported`);
  if (item.type === "page" && state.skipPages) return skip("a page (--skip-pages)");
  if (SKIP_STATUS[item.status]) return skip(SKIP_STATUS[item.status]!);
  const status = STATUS[item.status];
  if (!status) return skip(`unknown status “${item.status}”`);

  const importKey = `wxr:${state.blog.id}:${state.siteKey}:${item.id}`;
  const existing = await db.post.findUnique({
    where: { importKey },
    select: { id: true, importHash: true, slug: true },
  });
  const converted = wordpressToMarkdown(item.content);
  const moved = await newAddresses(markdownLinkUrls(converted));
  const linked = moved.size ? rewriteLinks(converted, (url) => moved.get(url)) : converted;
  const body = state.media ? await fetchMedia(linked, state.media, report) : linked;
  const date = wpDate(item.dateGmt, item.date, item.pubDate);
  const publishedAt = status === "draft" ? null : date;
  const tags = [
    ...new Set([...item.categories.map((c) => c.name).filter(Boolean), ...(item.type === "page" ? ["page"] : [])]),
  ]
    .filter((name) => name.toLowerCase() !== "uncategorized" && name.toLowerCase() !== "non classé")
    .slice(0, 20);
  const author = state.site.authors.find((a) => a.login === item.creator);
  const person = {
    name: author?.displayName || item.creator || "WordPress",
    email: author?.email ?? "",
    login: author?.login,
  };
  const who = await state.people.author(person);
  const authorId = who.kind === "user" ? who.userId : await blogOwnerId(state.blog.id);
  const title = item.title.trim() || "(sans titre)";
  const excerpt = item.excerpt.trim() ? wordpressToMarkdown(item.excerpt).slice(0, 500) : null;
  // The hash is of what the file says (before old links are pointed at new addresses, which
  // depends on what else was imported), so a second run of the same file finds it unchanged.
  const hash = sha256(
    JSON.stringify([
      title,
      converted,
      Boolean(state.media),
      status,
      publishedAt,
      tags,
      authorId,
      excerpt,
      wpSlug(item),
    ]),
  );

  let postId = existing?.id;
  if (existing && existing.importHash === hash) report.posts.unchanged++;
  else {
    let rendered;
    try {
      rendered = await renderPostBody(body, state.blog);
    } catch (error) {
      if (!isAppError(error)) throw error;
      return skip(`its text cannot be rendered (${error.message})`);
    }
    const tagIds: string[] = [];
    for (const name of tags) {
      const slug = tagSlug(name);
      tagIds.push(
        (await db.tag.upsert({ where: { slug }, create: { slug, name }, update: {}, select: { id: true } })).id,
      );
    }
    const fields = {
      title: title.slice(0, 200),
      bodySource: body,
      bodyHtml: rendered.html,
      excerpt,
      authorId,
      importHash: hash,
    };
    const reveal = { status, publishedAt: publishedAt?.toISOString() ?? null };
    if (existing) {
      await db.importStaged.createMany({
        data: stagedData(state.runId, [
          { itemType: "post", itemId: existing.id, action: "update", data: { ...fields, ...reveal, tagIds } },
        ]),
      });
      report.posts.updated++;
    } else {
      postId = newId();
      const slug = await uniqueSlug(db, state.blog.id, wpSlug(item));
      await db.$transaction(async (tx) => {
        await tx.post.create({
          data: {
            id: postId,
            blogId: state.blog.id,
            slug,
            ...fields,
            status: "draft",
            publishedAt: null,
            createdAt: date ?? new Date(),
            importKey,
            tags: { create: tagIds.map((tagId) => ({ tagId })) },
          },
          select: { id: true },
        });
        await tx.importStaged.create({
          data: stagedData(state.runId, [{ itemType: "post", itemId: postId!, action: "create", data: reveal }])[0]!,
        });
      });
      report.posts.created++;
    }
    state.touchedPosts.push(postId!);
  }
  const urls = [item.link, item.guid, `${state.base}/?p=${item.id}`].filter((url) => /^https?:\/\//i.test(url.trim()));
  await storeAddresses(
    state.runId,
    state.blog.id,
    postId!,
    urls.map((url) => url.trim()),
    report,
  );
  await importComments(state, item, postId!);
}

const COMMENT_STATUS: Record<string, ImportComment["status"]> = {
  "1": "approved",
  "0": "pending",
  spam: "spam",
  trash: "spam",
};

async function importComments(state: WxrState, item: WxrItem, postId: string): Promise<void> {
  const { report } = state;
  const prefix = `wxr:${state.blog.id}:${state.siteKey}:${item.id}#`;
  const batch: ImportComment[] = [];
  const labelOf = (c: WxrComment) => `comment ${c.id} on ${item.type} ${item.id}`;
  for (const c of item.comments) {
    const skip = (reason: string) => {
      report.comments.skipped++;
      report.skipped.push({ item: labelOf(c), reason });
    };
    if (c.type && c.type !== "comment") {
      skip(`a ${c.type}, not a comment`);
      continue;
    }
    const status = COMMENT_STATUS[c.approved];
    if (!status) {
      skip(`unknown approval status “${c.approved}”`);
      continue;
    }
    batch.push({
      key: prefix + c.id,
      parentKey: c.parentId ? prefix + c.parentId : null,
      postId,
      label: labelOf(c),
      author: { name: c.author, email: c.authorEmail, url: c.authorUrl },
      html: c.content,
      createdAt: wpDate(c.dateGmt, c.date) ?? new Date(),
      status,
    });
  }
  // One transaction per batch; the parents of a batch's comments come in this batch or an earlier one.
  let orphans: ImportComment[] = [];
  for (let i = 0; i < batch.length; i += 200)
    orphans = await writeComments(state.writer, [...orphans, ...batch.slice(i, i + 200)]);
  // A WordPress comment's parent is on the same item: the map never outgrows one item.
  state.writer.ids.clear();
  for (const orphan of orphans) {
    report.comments.skipped++;
    report.skipped.push({
      item: orphan.label,
      reason: `its parent comment ${orphan.parentKey?.split("#")[1]} is not in the file`,
    });
  }
}

async function blogOwnerId(blogId: string): Promise<string> {
  const owner = await db.membership.findFirst({
    where: { blogId, role: "owner" },
    orderBy: { createdAt: "asc" },
    select: { userId: true },
  });
  if (!owner) throw new Error("The blog has no owner to sign the imported articles.");
  return owner.userId;
}
