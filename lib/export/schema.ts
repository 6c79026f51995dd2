import { z } from "zod";
import { CommentPolicySchema, LanguageSchema, MembershipRoleSchema } from "@/lib/blogs/schemas";
import { InstanceRoleSchema } from "@/lib/users/schemas";

// The export format, version 1 (docs/export-format.md describes every field). One JSON object:
// "meta" first, then one array per section in SECTION_ORDER, one record per line. Every record
// is validated here on import, so a file edited by hand or cut short is refused before it lands.

/** EXPORT_FORMAT / EXPORT_VERSION: what "meta" must say; a later version that changes a record bumps it. */
export const EXPORT_FORMAT = "tribune-export";
export const EXPORT_VERSION = 1;

// Caps: generous for real content, bounded so a hostile file cannot make one record huge.
const BODY = 2_000_000;
const TEXT = 100_000;
const LINE = 2_000;

const id = z.string().min(1).max(64);
const date = z.iso.datetime({ offset: true }).transform((value) => new Date(value));
const line = z.string().max(LINE);
const text = z.string().max(TEXT);
const body = z.string().max(BODY);
const opt = <T extends z.ZodType>(schema: T) => schema.nullable();

/** ExportScopeSchema: the whole instance, or one blog (named by its slug when exported). */
const ExportScopeSchema = z.discriminatedUnion("kind", [
  z.strictObject({ kind: z.literal("instance") }),
  z.strictObject({ kind: z.literal("blog"), blog: line }),
]);

/** ExportMetaSchema: the header; exportedAt is the only field that changes between two exports of the same site. */
export const ExportMetaSchema = z.strictObject({
  format: z.literal(EXPORT_FORMAT),
  version: z.literal(EXPORT_VERSION),
  exportedAt: date,
  scope: ExportScopeSchema,
});

const SettingRecordSchema = z.strictObject({ key: line, value: text, updatedAt: date });

const PersonRecordSchema = z.strictObject({
  id,
  handle: line,
  handleKey: line,
  name: line,
  nameKey: line,
  email: opt(line),
  emailVerified: opt(date),
  pendingEmail: opt(line),
  image: opt(line),
  locale: opt(z.enum(["fr", "en"])),
  bio: opt(text),
  role: InstanceRoleSchema,
  deletedAt: opt(date),
  createdAt: date,
  updatedAt: date,
  links: z.array(z.strictObject({ id, label: line, url: line, position: z.number().int() })).max(100),
  notificationPreferences: z.array(z.strictObject({ kind: line, inApp: z.boolean(), email: z.boolean() })).max(100),
});

const BlogRecordSchema = z.strictObject({
  id,
  slug: line,
  name: line,
  tagline: opt(line),
  description: opt(text),
  descriptionHtml: opt(text),
  descriptionText: opt(text),
  language: LanguageSchema,
  commentPolicy: CommentPolicySchema,
  allowGuestComments: z.boolean(),
  frenchTypography: z.boolean(),
  accentColor: opt(line),
  logoUrl: opt(line),
  headerImageUrl: opt(line),
  holdUntilApproved: z.boolean(),
  holdLinkLimit: opt(z.number().int()),
  holdWords: text,
  rejectWords: text,
  closeAfterDays: opt(z.number().int()),
  reportThreshold: z.number().int(),
  spamCheck: z.boolean(),
  commentsPerPage: z.number().int().min(1),
  createdAt: date,
  updatedAt: date,
  members: z.array(z.strictObject({ id, userId: id, role: MembershipRoleSchema, createdAt: date })).max(10_000),
  aliases: z.array(z.strictObject({ slug: line, createdAt: date })).max(1_000),
});

const TagRecordSchema = z.strictObject({ id, slug: line, name: line, language: LanguageSchema });

const PostRecordSchema = z.strictObject({
  id,
  blogId: id,
  authorId: id,
  slug: line,
  title: line,
  bodySource: body,
  bodyHtml: body,
  headingsJson: body,
  wordCount: z.number().int().min(0),
  readingMinutes: z.number().int().min(0),
  renderVersion: z.number().int().min(0),
  excerpt: opt(text),
  coverImageUrl: opt(line),
  status: z.enum(["draft", "scheduled", "published"]),
  publishedAt: opt(date),
  commentPolicy: opt(CommentPolicySchema),
  lockedAt: opt(date),
  slowModeSeconds: opt(z.number().int()),
  pinnedCommentId: opt(id),
  importKey: opt(line),
  importHash: opt(line),
  deletedAt: opt(date),
  createdAt: date,
  updatedAt: date,
  tagIds: z.array(id).max(100),
  aliases: z.array(z.strictObject({ id, slug: line, createdAt: date })).max(1_000),
});

/** An imported post's old permalink (WordPress, Disqus): full old URL, its match key, the path that redirects. */
const LegacyAddressRecordSchema = z.strictObject({
  id,
  blogId: id,
  postId: id,
  url: line,
  urlKey: line,
  pathKey: opt(line),
  createdAt: date,
});

const PostRevisionRecordSchema = z.strictObject({
  id,
  postId: id,
  editorId: opt(id),
  title: line,
  bodySource: body,
  createdAt: date,
});

const CommentRecordSchema = z.strictObject({
  id,
  postId: id,
  parentId: opt(id),
  authorId: opt(id),
  guestName: opt(line),
  guestEmail: opt(line),
  guestUrl: opt(line),
  sourceUrl: opt(line),
  bodySource: body,
  bodyHtml: body,
  status: z.enum(["pending", "approved", "hidden", "spam", "removed", "deleted"]),
  likeCount: z.number().int().min(0),
  heldBy: opt(text),
  moderationReason: opt(text),
  moderatorNote: opt(text),
  openReports: z.number().int().min(0),
  renderVersion: z.number().int().min(0),
  importKey: opt(line),
  importHash: opt(line),
  createdAt: date,
  editedAt: opt(date),
  updatedAt: date,
});

const CommentRevisionRecordSchema = z.strictObject({
  id,
  commentId: id,
  editorId: opt(id),
  bodySource: body,
  createdAt: date,
});

const ReactionRecordSchema = z.strictObject({ id, commentId: id, userId: id, kind: line, createdAt: date });

const MentionRecordSchema = z.strictObject({
  id,
  userId: id,
  commentId: opt(id),
  postId: opt(id),
  createdAt: date,
});

const FollowRecordSchema = z.strictObject({ id, userId: id, postId: id, createdAt: date });

const LinkRecordSchema = z.strictObject({
  id,
  sourcePostId: id,
  targetUrl: line,
  targetPostId: opt(id),
  context: opt(text),
  createdAt: date,
});

const WebmentionRecordSchema = z.strictObject({
  id,
  source: line,
  target: line,
  targetPostId: opt(id),
  status: z.enum(["pending", "accepted", "rejected", "deleted"]),
  kind: z.enum(["reply", "like", "repost", "bookmark", "mention"]),
  authorName: opt(line),
  authorUrl: opt(line),
  authorPhoto: opt(line),
  url: opt(line),
  title: opt(line),
  contentText: opt(text),
  contentHtml: opt(text),
  publishedAt: opt(date),
  commentId: opt(id),
  error: opt(text),
  createdAt: date,
  verifiedAt: opt(date),
  updatedAt: date,
});

const SanctionRecordSchema = z.strictObject({
  id,
  userId: id,
  blogId: opt(id),
  kind: z.enum(["warning", "suspension", "ban"]),
  reason: text,
  endsAt: opt(date),
  createdById: opt(id),
  liftedAt: opt(date),
  liftedById: opt(id),
  createdAt: date,
});

const ReportRecordSchema = z.strictObject({
  id,
  commentId: id,
  reporterId: id,
  reason: z.enum(["spam", "harassment", "off_topic", "other"]),
  note: opt(text),
  outcome: opt(z.enum(["upheld", "dismissed"])),
  resolvedAt: opt(date),
  createdAt: date,
});

const AuditRecordSchema = z.strictObject({
  id,
  createdAt: date,
  actorId: opt(id),
  actorName: opt(line),
  blogId: opt(id),
  blogName: opt(line),
  action: line,
  subjectType: line,
  subjectId: line,
  subjectName: opt(line),
  reason: opt(text),
  before: opt(text),
  after: opt(text),
});

/**
 * RECORD_SCHEMAS: every section of version 1 in file order (a section only refers to earlier
 * ones, so the import writes them in this order). Adding an entity = one schema here, one
 * section in lib/export/sections.ts, one paragraph in docs/export-format.md.
 */
export const RECORD_SCHEMAS = {
  settings: SettingRecordSchema,
  people: PersonRecordSchema,
  blogs: BlogRecordSchema,
  tags: TagRecordSchema,
  posts: PostRecordSchema,
  legacyAddresses: LegacyAddressRecordSchema,
  postRevisions: PostRevisionRecordSchema,
  comments: CommentRecordSchema,
  commentRevisions: CommentRevisionRecordSchema,
  reactions: ReactionRecordSchema,
  mentions: MentionRecordSchema,
  follows: FollowRecordSchema,
  links: LinkRecordSchema,
  webmentions: WebmentionRecordSchema,
  sanctions: SanctionRecordSchema,
  reports: ReportRecordSchema,
  auditLog: AuditRecordSchema,
} as const;

export type SectionName = keyof typeof RECORD_SCHEMAS;
export const SECTION_ORDER = Object.keys(RECORD_SCHEMAS) as SectionName[];
export type RecordOf<S extends SectionName> = z.infer<(typeof RECORD_SCHEMAS)[S]>;
