import "server-only";
import { cache } from "react";
import { z } from "zod";
import { getBlogRole } from "@/lib/auth/blog-role";
import { commentPath } from "@/lib/comments/permalink";
import {
  STAFF_ROLES,
  canSeeInstanceQueue,
  canSeeModerationQueue,
  canSeeReports,
  type Actor,
  type BlogRole,
} from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * The moderation queue (issue 11, item 2): a blog's comments waiting for a decision, reported,
 * marked as spam or removed, each in its context (article, parent, the author's record on that
 * blog, the rules that held it, the reports). A page costs a constant number of queries
 * whatever its size: the items, their relations and the authors' records are each read with one
 * query for the whole page, and paging is by keyset on (createdAt, id), which the
 * (status, createdAt) index serves.
 */

export const QUEUE_TABS = ["waiting", "reported", "spam", "removed"] as const;
export type QueueTab = (typeof QUEUE_TABS)[number];

const QUEUE_PAGE_SIZE = 25;

/** QueueQuerySchema: the query string of the queue pages and of GET /api/v1/moderation/queue. */
export const QueueQuerySchema = z.object({
  tab: z.enum(QUEUE_TABS).catch("waiting").default("waiting"),
  blog: z.string().trim().min(1).max(100).optional().catch(undefined),
  post: z.string().trim().min(1).max(64).optional().catch(undefined),
  /** A member's handle, or a guest's e-mail address. */
  author: z.string().trim().min(1).max(254).optional().catch(undefined),
  cursor: z.string().max(200).optional().catch(undefined),
  limit: z.coerce.number().int().min(1).max(100).default(QUEUE_PAGE_SIZE).catch(QUEUE_PAGE_SIZE),
});
export type QueueQuery = z.input<typeof QueueQuerySchema>;

export type QueueScope = { blogId: string } | "instance";

/** The author's record on the item's blog (every comment of theirs there, by status). */
type AuthorRecord = {
  total: number;
  approved: number;
  removed: number;
  spam: number;
  /** Comments of theirs that were ever reported. */
  reported: number;
  /** This is their only comment on the blog. */
  firstComment: boolean;
};

type QueueReport = { reason: string; count: number; notes: string[]; reporters: string[] | null };

export type QueueItem = {
  id: string;
  status: string;
  createdAt: Date;
  /** Sanitized rendering (never the raw source). */
  bodyHtml: string;
  moderationReason: string | null;
  openReports: number;
  /** The rules that held it (moderators only; the queue is theirs). */
  heldBy: string[];
  author:
    | { kind: "member"; id: string; handle: string; name: string; image: string | null }
    | { kind: "guest"; name: string; email: string | null }
    | { kind: "deleted" };
  record: AuthorRecord;
  post: { id: string; title: string; slug: string; href: string };
  blog: { id: string; slug: string; name: string };
  parent: { id: string; excerpt: string; authorName: string | null; status: string } | null;
  reports: QueueReport[];
};

export type QueuePage = {
  tab: QueueTab;
  items: QueueItem[];
  counts: Record<QueueTab, number>;
  nextCursor: string | null;
  /** The blog filter as resolved (instance scope). */
  blog: { id: string; slug: string; name: string } | null;
};

const TAB_WHERE: Record<QueueTab, { status: string | { in: string[] }; openReports?: { gt: number } }> = {
  waiting: { status: "pending" },
  reported: { openReports: { gt: 0 }, status: { in: ["approved", "hidden"] } },
  spam: { status: "spam" },
  removed: { status: "removed" },
};

/** Waiting items come oldest first (first come, first decided); the other tabs newest first. */
const ASCENDING: Record<QueueTab, boolean> = { waiting: true, reported: false, spam: false, removed: false };

const EMPTY_RECORD: AuthorRecord = { total: 0, approved: 0, removed: 0, spam: 0, reported: 0, firstComment: true };

function encodeCursor(item: { createdAt: Date; id: string }): string {
  return Buffer.from(`${item.createdAt.toISOString()}|${item.id}`).toString("base64url");
}

function decodeCursor(cursor: string | undefined): { createdAt: Date; id: string } | null {
  if (!cursor) return null;
  const [iso, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(iso ?? "");
  if (!id || Number.isNaN(createdAt.getTime()))
    throw new AppError("INVALID_INPUT", "errors.checkFields", { field: "cursor" });
  return { createdAt, id };
}

/** A short plain-text excerpt of rendered HTML. */
function excerptOf(html: string, max = 160): string {
  const text = html
    .replace(/<[^>]*>/g, " ")
    .replace(/&nbsp;|&#160;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;|&#34;/g, '"')
    .replace(/&#39;|&#x27;/g, "'")
    .replace(/\s+/g, " ")
    .trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

/** The held-by JSON as labels: an array of rule names (strings or { rule, detail }). */
function parseHeldBy(raw: string | null): string[] {
  if (!raw) return [];
  try {
    const value: unknown = JSON.parse(raw);
    const list = Array.isArray(value) ? value : [value];
    return list
      .map((entry) => {
        if (typeof entry === "string") return entry;
        if (entry && typeof entry === "object") {
          const { rule, detail } = entry as { rule?: unknown; detail?: unknown };
          if (typeof rule === "string")
            return detail !== undefined && detail !== null && detail !== "" ? `${rule}: ${String(detail)}` : rule;
        }
        return null;
      })
      .filter((label): label is string => Boolean(label))
      .slice(0, 20);
  } catch {
    return [];
  }
}

/**
 * authorize: the blog scope needs canSeeModerationQueue on that blog, the instance scope
 * canSeeInstanceQueue. Refusals: UNAUTHENTICATED for a guest, FORBIDDEN otherwise.
 */
async function authorize(actor: Actor, scope: QueueScope): Promise<BlogRole | null> {
  if (!actor) throw new AppError("UNAUTHENTICATED", "errors.signInRequired");
  const role = scope === "instance" ? null : await getBlogRole(actor.id, scope.blogId);
  const allowed = scope === "instance" ? canSeeInstanceQueue(actor) : canSeeModerationQueue(actor, role);
  if (!allowed) throw new AppError("FORBIDDEN", "errors.forbidden");
  return role;
}

/**
 * queueBlog: the blog whose queue the actor asks for by slug, if the actor may see it (null:
 * no such blog or not theirs to moderate; pages answer 404 either way).
 */
export async function queueBlog(
  actor: Actor,
  slug: string,
): Promise<{ id: string; slug: string; name: string } | null> {
  if (!actor) return null;
  const blog = await db.blog.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } });
  if (!blog) return null;
  return canSeeModerationQueue(actor, await getBlogRole(actor.id, blog.id)) ? blog : null;
}

/**
 * listQueue: one page of a tab of the queue, with every tab's count. Scope: one blog (its
 * owners and moderators, admins) or "instance" (admins; `blog` filters by slug). Filters:
 * article (`post`: id), author (`author`: a member's handle or a guest's e-mail address).
 */
export async function listQueue(actor: Actor, options: QueueQuery & { scope: QueueScope }): Promise<QueuePage> {
  const { scope } = options;
  const query = QueueQuerySchema.parse(options);
  const role = await authorize(actor, scope);

  // The blog filter of the instance scope, resolved from its slug (an unknown slug: nothing).
  let blog: QueuePage["blog"] = null;
  let blogId: string | null = scope === "instance" ? null : scope.blogId;
  if (scope === "instance" && query.blog) {
    blog = await db.blog.findUnique({ where: { slug: query.blog }, select: { id: true, slug: true, name: true } });
    blogId = blog?.id ?? "-";
  }

  const author = query.author;
  const filters = {
    ...(blogId ? { post: { blogId } } : {}),
    ...(query.post ? { postId: query.post } : {}),
    ...(author
      ? /^[^@\s]+@[^@\s]+$/.test(author)
        ? { guestEmail: author.toLowerCase(), authorId: null }
        : { author: { handleKey: author.replace(/^@/, "").toLowerCase() } }
      : {}),
  };

  const cursor = decodeCursor(query.cursor);
  const ascending = ASCENDING[query.tab];
  const after = cursor
    ? {
        OR: [
          { createdAt: ascending ? { gt: cursor.createdAt } : { lt: cursor.createdAt } },
          { createdAt: cursor.createdAt, id: ascending ? { gt: cursor.id } : { lt: cursor.id } },
        ],
      }
    : {};
  const direction = ascending ? ("asc" as const) : ("desc" as const);

  const [rows, byStatus, reportedCount] = await Promise.all([
    db.comment.findMany({
      where: { ...filters, ...TAB_WHERE[query.tab], ...after },
      orderBy: [{ createdAt: direction }, { id: direction }],
      take: query.limit + 1,
      select: {
        id: true,
        status: true,
        createdAt: true,
        bodyHtml: true,
        moderationReason: true,
        openReports: true,
        heldBy: true,
        authorId: true,
        guestName: true,
        guestEmail: true,
        author: { select: { id: true, handle: true, name: true, image: true, deletedAt: true } },
        post: {
          select: { id: true, title: true, slug: true, blog: { select: { id: true, slug: true, name: true } } },
        },
        parent: {
          select: { id: true, bodyHtml: true, status: true, guestName: true, author: { select: { name: true } } },
        },
      },
    }),
    db.comment.groupBy({
      by: ["status"],
      where: { ...filters, status: { in: ["pending", "spam", "removed"] } },
      _count: { _all: true },
    }),
    db.comment.count({ where: { ...filters, ...TAB_WHERE.reported } }),
  ]);
  const page = rows.slice(0, query.limit);
  const counted = (status: string) => byStatus.find((row) => row.status === status)?._count._all ?? 0;
  const counts: Record<QueueTab, number> = {
    waiting: counted("pending"),
    reported: reportedCount,
    spam: counted("spam"),
    removed: counted("removed"),
  };

  const [records, reports] = await Promise.all([
    authorRecords(page),
    query.tab === "reported" || page.some((row) => row.openReports > 0)
      ? db.report.findMany({
          where: { commentId: { in: page.filter((row) => row.openReports > 0).map((row) => row.id) }, outcome: null },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: { commentId: true, reason: true, note: true, reporter: { select: { name: true } } },
        })
      : Promise.resolve([]),
  ]);
  // Everyone who reaches the queue moderates its blogs; the check stays explicit all the same.
  const namesVisible = canSeeReports(actor, role);

  const items: QueueItem[] = page.map((row) => {
    const own = reports.filter((report) => report.commentId === row.id);
    const byReason = new Map<string, QueueReport>();
    for (const report of own) {
      const entry = byReason.get(report.reason) ?? {
        reason: report.reason,
        count: 0,
        notes: [],
        reporters: namesVisible ? [] : null,
      };
      entry.count += 1;
      if (report.note) entry.notes.push(report.note);
      entry.reporters?.push(report.reporter.name);
      byReason.set(report.reason, entry);
    }
    const blogOf = row.post.blog;
    return {
      id: row.id,
      status: row.status,
      createdAt: row.createdAt,
      bodyHtml: row.bodyHtml,
      moderationReason: row.moderationReason,
      openReports: row.openReports,
      heldBy: parseHeldBy(row.heldBy),
      author:
        row.author && !row.author.deletedAt
          ? {
              kind: "member",
              id: row.author.id,
              handle: row.author.handle,
              name: row.author.name,
              image: row.author.image,
            }
          : row.guestName && !row.authorId
            ? { kind: "guest", name: row.guestName, email: row.guestEmail }
            : { kind: "deleted" },
      record: records.get(recordKey(blogOf.id, row.authorId, row.guestEmail)) ?? EMPTY_RECORD,
      post: {
        id: row.post.id,
        title: row.post.title,
        slug: row.post.slug,
        href: commentPath(blogOf.slug, row.post.slug, row.id),
      },
      blog: blogOf,
      parent: row.parent
        ? {
            id: row.parent.id,
            excerpt: excerptOf(row.parent.bodyHtml),
            authorName: row.parent.author?.name ?? row.parent.guestName,
            status: row.parent.status,
          }
        : null,
      reports: [...byReason.values()],
    };
  });
  const last = items.at(-1);
  return {
    tab: query.tab,
    items,
    counts,
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
    blog,
  };
}

const recordKey = (blogId: string, authorId: string | null, guestEmail: string | null) =>
  `${blogId}|${authorId ? `u:${authorId}` : `g:${guestEmail ?? ""}`}`;

/**
 * authorRecords: every author's record on the blog of each item, for a whole page in three
 * queries (comments by author, article and status; reported comments by author and article;
 * the articles' blogs), whatever the page's size.
 */
async function authorRecords(
  page: { authorId: string | null; guestEmail: string | null; post: { blog: { id: string } } }[],
): Promise<Map<string, AuthorRecord>> {
  const records = new Map<string, AuthorRecord>();
  const userIds = [...new Set(page.map((row) => row.authorId).filter((id): id is string => Boolean(id)))];
  const emails = [
    ...new Set(page.filter((row) => !row.authorId && row.guestEmail).map((row) => row.guestEmail as string)),
  ];
  if (!userIds.length && !emails.length) return records;
  const blogIds = [...new Set(page.map((row) => row.post.blog.id))];
  const who = {
    OR: [
      ...(userIds.length ? [{ authorId: { in: userIds } }] : []),
      // Members have no guestEmail: the e-mail alone picks guests (and its index serves it).
      ...(emails.length ? [{ guestEmail: { in: emails } }] : []),
    ],
    post: { blogId: { in: blogIds } },
  };
  const [byStatus, reported] = await Promise.all([
    db.comment.groupBy({ by: ["authorId", "guestEmail", "postId", "status"], where: who, _count: { _all: true } }),
    db.comment.groupBy({
      by: ["authorId", "guestEmail", "postId"],
      where: { ...who, reports: { some: {} } },
      _count: { _all: true },
    }),
  ]);
  const postIds = [...new Set([...byStatus, ...reported].map((row) => row.postId))];
  const posts =
    blogIds.length === 1
      ? postIds.map((id) => ({ id, blogId: blogIds[0]! }))
      : await db.post.findMany({ where: { id: { in: postIds } }, select: { id: true, blogId: true } });
  const blogOf = new Map(posts.map((post) => [post.id, post.blogId]));
  const recordOf = (row: { authorId: string | null; guestEmail: string | null; postId: string }) => {
    const key = recordKey(blogOf.get(row.postId) ?? "", row.authorId, row.guestEmail);
    let record = records.get(key);
    if (!record) records.set(key, (record = { ...EMPTY_RECORD }));
    return record;
  };
  for (const row of byStatus) {
    if (row.status === "deleted") continue;
    const record = recordOf(row);
    const n = row._count._all;
    record.total += n;
    if (row.status === "approved") record.approved += n;
    if (row.status === "removed") record.removed += n;
    if (row.status === "spam") record.spam += n;
  }
  for (const row of reported) recordOf(row).reported += row._count._all;
  for (const record of records.values()) record.firstComment = record.total <= 1;
  return records;
}

/** The header's badge: how many comments wait, and where the queue is. */
export type WaitingCount = { count: number; href: string; blogs: { slug: string; name: string }[] };

/**
 * countWaiting: the comments waiting over every blog the person moderates (admins: all blogs),
 * or null for someone who moderates nothing. Two queries at most, once per request.
 */
export const countWaiting = cache(async (actor: { id: string; role: string } | null): Promise<WaitingCount | null> => {
  if (!actor) return null;
  return countWaitingFor(actor.id, actor.role);
});

const countWaitingFor = cache(async (id: string, role: string): Promise<WaitingCount | null> => {
  if (role === "admin") {
    const count = await db.comment.count({ where: { status: "pending" } });
    return { count, href: "/moderation", blogs: [] };
  }
  const blogs = await db.blog.findMany({
    where: { memberships: { some: { userId: id, role: { in: [...STAFF_ROLES] } } } },
    orderBy: { name: "asc" },
    select: { id: true, slug: true, name: true },
  });
  if (!blogs.length) return null;
  const count = await db.comment.count({
    where: { status: "pending", post: { blogId: { in: blogs.map((b) => b.id) } } },
  });
  return {
    count,
    href: `/write/${blogs[0]!.slug}/moderation`,
    blogs: blogs.map(({ slug, name }) => ({ slug, name })),
  };
});
