import "server-only";
import { z } from "zod";
import { commentPath } from "@/lib/comments/permalink";
import { db } from "@/lib/db";
import { excerptFromHtml } from "@/lib/markdown";
import type { NotificationKind } from "./preferences";

/** One line of the notifications page and of the bell's menu. */
export type NotificationItem = {
  id: string;
  /** A preference kind, or a notice nobody switches off (report_outcome: what became of one's report). */
  kind: NotificationKind | "report_outcome" | "sanction";
  createdAt: Date;
  readAt: Date | null;
  actor: { handle: string; name: string; image: string | null } | null;
  post: { id: string; title: string; slug: string; blogSlug: string } | null;
  commentId: string | null;
  /** The comment's guest author, for notices about a guest's comment (no actor). */
  guestName: string | null;
  /** The start of the comment's text, when the comment is still there for its readers. */
  excerpt: string | null;
  /** What the kind carries (JSON in Notification.detail: a sanction's reason and end, a report's outcome). */
  detail: Record<string, unknown> | null;
  /** Where the notice leads: the comment's permalink, else the article (a held comment: the blog's queue). */
  href: string | null;
  /** report_outcome: "upheld" (the comment was taken down) or "dismissed" (it stays). */
  outcome?: "upheld" | "dismissed";
};

// What a notice's JSON detail may carry, per kind, read leniently: a field that does not parse
// reads as absent (the notice still shows, with its defaults).
const OutcomeSchema = z.enum(["upheld", "dismissed"]).catch("dismissed");
const SourceSchema = z
  .string()
  .regex(/^https?:\/\//)
  .optional()
  .catch(undefined);
const NameSchema = z.string().max(200).optional().catch(undefined);

/** ListNotificationsQuerySchema: `?unread=1&cursor=<id>&limit=20`. */
export const ListNotificationsQuerySchema = z.object({
  unread: z
    .enum(["1", "true", "0", "false"])
    .optional()
    .transform((value) => value === "1" || value === "true"),
  cursor: z.string().max(64).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

/** MarkReadSchema: `{ ids: [...] }` or `{ all: true }`. */
export const MarkReadSchema = z.union([
  z.object({ all: z.literal(true) }),
  z.object({ ids: z.array(z.string().max(64)).min(1).max(100) }),
]);

type Viewer = { id: string };

function parseDetail(text: string | null): Record<string, unknown> | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * listNotifications: the viewer's notices, newest first, by pages of `limit` (cursor: the last
 * id of the previous page). Only ever the viewer's own.
 */
export async function listNotifications(
  viewer: Viewer,
  options: { unreadOnly?: boolean; cursor?: string; limit?: number; only?: string } = {},
): Promise<{ items: NotificationItem[]; nextCursor: string | null }> {
  const limit = options.limit ?? 20;
  const rows = await db.notification.findMany({
    where: {
      userId: viewer.id,
      ...(options.unreadOnly ? { readAt: null } : {}),
      ...(options.only ? { id: options.only } : {}),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    ...(options.cursor ? { cursor: { id: options.cursor }, skip: 1 } : {}),
    take: limit + 1,
    select: {
      id: true,
      kind: true,
      createdAt: true,
      readAt: true,
      commentId: true,
      detail: true,
      actor: { select: { handle: true, name: true, image: true } },
      post: { select: { id: true, title: true, slug: true, blog: { select: { slug: true } } } },
      comment: { select: { guestName: true, status: true, bodyHtml: true } },
    },
  });
  const items = rows.slice(0, limit).map(({ post, comment, detail: raw, ...row }) => {
    const detail = parseDetail(raw);
    return {
      ...row,
      guestName: comment?.guestName ?? (row.kind === "citation" ? (NameSchema.parse(detail?.name) ?? null) : null),
      // Only text still shown where the notice leads: a removed or spam comment gives none.
      excerpt:
        comment && (comment.status === "approved" || (row.kind === "comment_held" && comment.status === "pending"))
          ? excerptFromHtml(comment.bodyHtml)
          : null,
      detail,
      kind: row.kind as NotificationItem["kind"],
      ...(row.kind === "report_outcome" ? { outcome: OutcomeSchema.parse(detail?.outcome) } : {}),
      post: post ? { id: post.id, title: post.title, slug: post.slug, blogSlug: post.blog.slug } : null,
      href: !post
        ? null
        : row.kind === "citation"
          ? (SourceSchema.parse(detail?.source) ?? `/${post.blog.slug}/${post.slug}`)
          : row.kind === "comment_held"
            ? `/write/${post.blog.slug}/moderation`
            : row.commentId
              ? commentPath(post.blog.slug, post.slug, row.commentId)
              : `/${post.blog.slug}/${post.slug}`,
    };
  });
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}

/** Kinds whose notices about one article are shown as one line ("Priya and 4 others commented…"). */
const GROUPED_KINDS = new Set<NotificationItem["kind"]>(["post_comment", "thread_comment", "comment_held"]);

/** One line of the notifications page: a notice, or several of one kind about one article. */
export type NotificationGroup = NotificationItem & {
  /** Every notice of the line, newest first (the first is the line's own id, href and excerpt). */
  ids: string[];
  /** Other people in the line besides `actor` (distinct names, newest first). */
  others: string[];
};

/**
 * groupNotifications: the notices of a page as lines, newest first: notices of a grouped kind about
 * the same article and both read or both unread become one line, at the place of the newest.
 */
export function groupNotifications(items: readonly NotificationItem[]): NotificationGroup[] {
  const lines: NotificationGroup[] = [];
  const open = new Map<string, NotificationGroup>();
  for (const item of items) {
    const key =
      GROUPED_KINDS.has(item.kind) && item.post ? `${item.kind}:${item.post.id}:${item.readAt ? 1 : 0}` : null;
    const line = key ? open.get(key) : undefined;
    if (!line) {
      const created: NotificationGroup = { ...item, ids: [item.id], others: [] };
      lines.push(created);
      if (key) open.set(key, created);
      continue;
    }
    line.ids.push(item.id);
    const name = item.actor?.name ?? item.guestName;
    const first = line.actor?.name ?? line.guestName;
    if (name && name !== first && !line.others.includes(name)) line.others.push(name);
  }
  return lines;
}

/**
 * openNotification: marks the given notices (the viewer's own; the first is the one opened)
 * read and returns where the first leads, or null when it is not the viewer's.
 */
export async function openNotification(viewer: Viewer, ids: readonly string[]): Promise<string | null> {
  const [first] = ids;
  if (!first) return null;
  const { items } = await listNotifications(viewer, { limit: 1, only: first });
  if (!items[0]) return null;
  await markRead(viewer, ids);
  return items[0].href ?? "/notifications";
}

/** unreadCount: how many notices the viewer has not read (the bell's number). */
export function unreadCount(viewer: Viewer): Promise<number> {
  return db.notification.count({ where: { userId: viewer.id, readAt: null } });
}

/** markRead: marks the given notices (only the viewer's own) or all of them read; returns how many changed. */
export async function markRead(viewer: Viewer, ids: readonly string[] | "all"): Promise<number> {
  const { count } = await db.notification.updateMany({
    where: { userId: viewer.id, readAt: null, ...(ids === "all" ? {} : { id: { in: [...ids] } }) },
    data: { readAt: new Date() },
  });
  return count;
}
