import "server-only";
import type { Tx } from "@/lib/db";
import { restoreAuditEntries } from "@/lib/moderation";
import type { RecordOf, SectionName } from "./schema";

/** Scope: what an export covers, resolved (a blog by id; its slug for the header). */
export type Scope = { kind: "instance" } | { kind: "blog"; blogId: string; slug: string };

/** BATCH: rows read per query on export and written per statement on import. */
export const BATCH = 500;

type Row = Record<string, unknown>;

/** Section: how one entity leaves (pages of plain records, in a stable order) and comes back (one batch). */
export type Section<S extends SectionName> = {
  pages(scope: Scope, client: Tx): AsyncGenerator<Row[]>;
  insert(tx: Tx, rows: RecordOf<S>[]): Promise<unknown>;
};

/** byId: keyset pages in id order, `fetch` reading the rows after the given id (bounded memory, no OFFSET). */
async function* byId<T extends { id: string }>(fetch: (after: { id?: { gt: string } }) => Promise<T[]>) {
  let after: { id?: { gt: string } } = {};
  for (;;) {
    const rows = await fetch(after);
    if (rows.length) yield rows;
    if (rows.length < BATCH) return;
    after = { id: { gt: rows.at(-1)!.id } };
  }
}

const page = { take: BATCH, orderBy: { id: "asc" as const } };
const inBlog = (scope: Scope) => (scope.kind === "blog" ? { blogId: scope.blogId } : {});
const postInBlog = (scope: Scope) => (scope.kind === "blog" ? { post: { blogId: scope.blogId } } : {});
const commentInBlog = (scope: Scope) => (scope.kind === "blog" ? { comment: { post: { blogId: scope.blogId } } } : {});

/**
 * peopleOfBlog: everyone a blog's data refers to (members, writers, editors, commenters, likers,
 * reporters, the mentioned, followers, sanctioned people and who sanctioned them); nobody else.
 */
function peopleOfBlog(blogId: string) {
  const post = { blogId };
  const comment = { post };
  return {
    OR: [
      { memberships: { some: { blogId } } },
      { posts: { some: post } },
      { revisions: { some: { post } } },
      { comments: { some: comment } },
      { commentEdits: { some: { comment } } },
      { reactions: { some: { comment } } },
      { reports: { some: { comment } } },
      { mentions: { some: { OR: [{ post }, { comment }] } } },
      { follows: { some: { post } } },
      { sanctions: { some: { blogId } } },
      { sanctionsSet: { some: { blogId } } },
    ],
  };
}

const personSelect = {
  id: true,
  handle: true,
  handleKey: true,
  name: true,
  nameKey: true,
  email: true,
  emailVerified: true,
  pendingEmail: true,
  image: true,
  locale: true,
  bio: true,
  role: true,
  deletedAt: true,
  createdAt: true,
  updatedAt: true,
  links: { select: { id: true, label: true, url: true, position: true }, orderBy: { id: "asc" as const } },
  notifyPrefs: { select: { kind: true, inApp: true, email: true }, orderBy: { kind: "asc" as const } },
  memberships: { select: { blogId: true } },
} as const;

const settings: Section<"settings"> = {
  async *pages(scope, client) {
    // Instance settings (open blog creation, demo mode) belong to the instance, not to a blog.
    if (scope.kind !== "instance") return;
    const rows = await client.setting.findMany({
      orderBy: { key: "asc" },
      select: { key: true, value: true, updatedAt: true },
    });
    if (rows.length) yield rows;
  },
  insert: (tx, rows) => tx.setting.createMany({ data: rows }),
};

const people: Section<"people"> = {
  async *pages(scope, client) {
    const where = scope.kind === "blog" ? peopleOfBlog(scope.blogId) : {};
    for await (const rows of byId((after) =>
      client.user.findMany({ where: { ...where, ...after }, select: personSelect, ...page }),
    ))
      yield rows.map(({ links, notifyPrefs, memberships, ...person }) => {
        if (scope.kind === "instance") return { ...person, links, notificationPreferences: notifyPrefs };
        // A blog's export names the people of its discussions without their addresses: only its
        // members (whom its owners already know) keep theirs; the instance role stays behind.
        const isMember = memberships.some((m) => m.blogId === scope.blogId);
        const hidden = isMember ? {} : { email: null, emailVerified: null };
        return { ...person, ...hidden, pendingEmail: null, role: "member", links, notificationPreferences: [] };
      });
  },
  async insert(tx, rows) {
    await tx.user.createMany({
      data: rows.map(({ links: _links, notificationPreferences: _prefs, ...person }) => person),
    });
    const links = rows.flatMap((p) => p.links.map((link) => ({ ...link, userId: p.id })));
    if (links.length) await tx.userLink.createMany({ data: links });
    const prefs = rows.flatMap((p) => p.notificationPreferences.map((pref) => ({ ...pref, userId: p.id })));
    if (prefs.length) await tx.notificationPreference.createMany({ data: prefs });
  },
};

const blogs: Section<"blogs"> = {
  async *pages(scope, client) {
    const where = scope.kind === "blog" ? { id: scope.blogId } : {};
    for await (const rows of byId((after) =>
      client.blog.findMany({
        where: { ...where, ...after },
        include: {
          memberships: { select: { id: true, userId: true, role: true, createdAt: true }, orderBy: { id: "asc" } },
          slugAliases: { select: { slug: true, createdAt: true }, orderBy: { slug: "asc" } },
        },
        ...page,
      }),
    ))
      yield rows.map(({ memberships, slugAliases, ...blog }) => ({
        ...blog,
        members: memberships,
        aliases: slugAliases,
      }));
  },
  async insert(tx, rows) {
    await tx.blog.createMany({ data: rows.map(({ members: _m, aliases: _a, ...blog }) => blog) });
    const members = rows.flatMap((b) => b.members.map((m) => ({ ...m, blogId: b.id })));
    if (members.length) await tx.membership.createMany({ data: members });
    const aliases = rows.flatMap((b) => b.aliases.map((a) => ({ ...a, blogId: b.id })));
    if (aliases.length) await tx.blogSlugAlias.createMany({ data: aliases });
  },
};

const tags: Section<"tags"> = {
  pages: (scope, client) =>
    byId((after) =>
      client.tag.findMany({
        where: { ...(scope.kind === "blog" ? { posts: { some: { post: { blogId: scope.blogId } } } } : {}), ...after },
        select: { id: true, slug: true, name: true, language: true },
        ...page,
      }),
    ),
  insert: (tx, rows) => tx.tag.createMany({ data: rows }),
};

const posts: Section<"posts"> = {
  async *pages(scope, client) {
    for await (const rows of byId((after) =>
      client.post.findMany({
        // A running import's posts are not the site's yet (a failed run's are deleted).
        where: { ...inBlog(scope), status: { not: "importing" }, ...after },
        include: {
          tags: { select: { tagId: true }, orderBy: { tagId: "asc" } },
          slugAliases: { select: { id: true, slug: true, createdAt: true }, orderBy: { id: "asc" } },
        },
        ...page,
      }),
    ))
      yield rows.map(({ tags, slugAliases, ...post }) => ({
        ...post,
        tagIds: tags.map((t) => t.tagId),
        aliases: slugAliases,
      }));
  },
  async insert(tx, rows) {
    await tx.post.createMany({ data: rows.map(({ tagIds: _t, aliases: _a, ...post }) => post) });
    const postTags = rows.flatMap((p) => p.tagIds.map((tagId) => ({ postId: p.id, tagId })));
    if (postTags.length) await tx.postTag.createMany({ data: postTags });
    const aliases = rows.flatMap((p) => p.aliases.map((a) => ({ ...a, blogId: p.blogId, postId: p.id })));
    if (aliases.length) await tx.postSlugAlias.createMany({ data: aliases });
  },
};

const postRevisions: Section<"postRevisions"> = {
  pages: (scope, client) =>
    byId((after) => client.postRevision.findMany({ where: { ...postInBlog(scope), ...after }, ...page })),
  insert: (tx, rows) => tx.postRevision.createMany({ data: rows }),
};

/**
 * comments: grouped by article and, within one, by date then id, so a parent (written before
 * its replies) comes first; the import still accepts a reply before its parent within an article.
 */
/** legacyAddresses: old permalinks of imported posts (the run that stored them stays behind). */
const legacyAddresses: Section<"legacyAddresses"> = {
  pages: (scope, client) =>
    byId((after) =>
      client.legacyAddress.findMany({
        where: { ...inBlog(scope), post: { status: { not: "importing" } }, ...after },
        select: { id: true, blogId: true, postId: true, url: true, urlKey: true, pathKey: true, createdAt: true },
        ...page,
      }),
    ),
  insert: (tx, rows) => tx.legacyAddress.createMany({ data: rows }),
};

const comments: Section<"comments"> = {
  async *pages(scope, client) {
    let cursor: { postId: string; createdAt: Date; id: string } | null = null;
    for (;;) {
      const after: object = cursor
        ? {
            OR: [
              { postId: { gt: cursor.postId } },
              { postId: cursor.postId, createdAt: { gt: cursor.createdAt } },
              { postId: cursor.postId, createdAt: cursor.createdAt, id: { gt: cursor.id } },
            ],
          }
        : {};
      const rows = await client.comment.findMany({
        where: { AND: [postInBlog(scope), { status: { not: "importing" } }, after] },
        orderBy: [{ postId: "asc" }, { createdAt: "asc" }, { id: "asc" }],
        take: BATCH,
      });
      if (rows.length) yield rows;
      if (rows.length < BATCH) return;
      cursor = rows.at(-1)!;
    }
  },
  insert: (tx, rows) => tx.comment.createMany({ data: rows }),
};

const commentRevisions: Section<"commentRevisions"> = {
  pages: (scope, client) =>
    byId((after) => client.commentRevision.findMany({ where: { ...commentInBlog(scope), ...after }, ...page })),
  insert: (tx, rows) => tx.commentRevision.createMany({ data: rows }),
};

const reactions: Section<"reactions"> = {
  pages: (scope, client) =>
    byId((after) => client.reaction.findMany({ where: { ...commentInBlog(scope), ...after }, ...page })),
  insert: (tx, rows) => tx.reaction.createMany({ data: rows }),
};

const mentions: Section<"mentions"> = {
  pages: (scope, client) =>
    byId((after) =>
      client.mention.findMany({
        where: {
          ...(scope.kind === "blog"
            ? { OR: [{ post: { blogId: scope.blogId } }, { comment: { post: { blogId: scope.blogId } } }] }
            : {}),
          ...after,
        },
        ...page,
      }),
    ),
  insert: (tx, rows) => tx.mention.createMany({ data: rows }),
};

const follows: Section<"follows"> = {
  pages: (scope, client) =>
    byId((after) => client.follow.findMany({ where: { ...postInBlog(scope), ...after }, ...page })),
  insert: (tx, rows) => tx.follow.createMany({ data: rows }),
};

/** links: a blog's export keeps a citation of another blog as its address only (that article is not in the file). */
const links: Section<"links"> = {
  async *pages(scope, client) {
    const where = scope.kind === "blog" ? { source: { blogId: scope.blogId } } : {};
    for await (const rows of byId((after) =>
      client.link.findMany({
        where: { ...where, ...after },
        include: { target: { select: { blogId: true } } },
        ...page,
      }),
    ))
      yield rows.map(({ target, ...link }) => ({
        ...link,
        targetPostId: scope.kind === "blog" && target?.blogId !== scope.blogId ? null : link.targetPostId,
      }));
  },
  insert: (tx, rows) => tx.link.createMany({ data: rows }),
};

const webmentions: Section<"webmentions"> = {
  pages: (scope, client) =>
    byId((after) => client.webmention.findMany({ where: { ...postInBlog(scope), ...after }, ...page })),
  insert: (tx, rows) => tx.webmention.createMany({ data: rows }),
};

/** sanctions: a blog's export has that blog's sanctions; instance-wide ones only the instance's. */
const sanctions: Section<"sanctions"> = {
  pages: (scope, client) =>
    byId((after) => client.sanction.findMany({ where: { ...inBlog(scope), ...after }, ...page })),
  insert: (tx, rows) => tx.sanction.createMany({ data: rows }),
};

const reports: Section<"reports"> = {
  pages: (scope, client) =>
    byId((after) => client.report.findMany({ where: { ...commentInBlog(scope), ...after }, ...page })),
  insert: (tx, rows) => tx.report.createMany({ data: rows }),
};

/** auditLog: append-only on both databases; the import only inserts, which the triggers allow. */
const auditLog: Section<"auditLog"> = {
  pages: (scope, client) =>
    byId((after) => client.auditEntry.findMany({ where: { ...inBlog(scope), ...after }, ...page })),
  insert: (tx, rows) => restoreAuditEntries(tx, rows),
};

/** SECTIONS: reader and writer of every section of RECORD_SCHEMAS (same keys, same order). */
export const SECTIONS: { [S in SectionName]: Section<S> } = {
  settings,
  people,
  blogs,
  tags,
  posts,
  legacyAddresses,
  postRevisions,
  comments,
  commentRevisions,
  reactions,
  mentions,
  follows,
  links,
  webmentions,
  sanctions,
  reports,
  auditLog,
};
