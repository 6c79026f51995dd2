import "server-only";
import { getBlogRole } from "@/lib/auth/blog-role";
import { canAppointBlogOwner, canListAllBlogs, canManageBlog, parseBlogRole, type Actor } from "@/lib/auth/policy";
import { db } from "@/lib/db";
import { enqueueJob } from "@/lib/jobs";
import { BLOG_RENDER_JOB } from "@/lib/markdown";
import { BlogRulesPatchSchema, recordAudit, type BlogRules, type BlogRulesPatch } from "@/lib/moderation";
import type { Tx } from "@/lib/db";
import { pagesChanged } from "@/lib/page-cache";
import { AppError } from "@/lib/errors";
import { deleteUpload, saveImageUpload } from "@/lib/uploads";
import { assertCanManageBlog, canCreateBlog } from "./access";
import {
  CreateBlogSchema,
  UpdateBlogSettingsSchema,
  parseBlogInput,
  type CreateBlogInput,
  type UpdateBlogSettingsInput,
} from "./manage-schemas";
import { renderDescription, type RenderedDescription } from "./description";
import { assertSlugFree, isUniqueViolation, moveBlogSlug, slugTaken } from "./slugs";

const settingsSelect = {
  id: true,
  slug: true,
  name: true,
  tagline: true,
  description: true,
  language: true,
  commentPolicy: true,
  allowGuestComments: true,
  frenchTypography: true,
  accentColor: true,
  logoUrl: true,
  headerImageUrl: true,
  holdUntilApproved: true,
  holdLinkLimit: true,
  holdWords: true,
  rejectWords: true,
  closeAfterDays: true,
  reportThreshold: true,
  spamCheck: true,
  commentsPerPage: true,
} as const;

export type BlogSettings = BlogRules & {
  id: string;
  slug: string;
  name: string;
  tagline: string | null;
  description: string | null;
  language: string;
  commentPolicy: string;
  allowGuestComments: boolean;
  frenchTypography: boolean;
  accentColor: string | null;
  logoUrl: string | null;
  headerImageUrl: string | null;
};

/** getBlogSettings: the settings form of the blog at `slug`, or null unless the actor may manage it. */
export async function getBlogSettings(actor: Actor, slug: string): Promise<BlogSettings | null> {
  if (!actor) return null;
  const blog = await db.blog.findUnique({ where: { slug }, select: settingsSelect });
  if (!blog) return null;
  return canManageBlog(actor, await getBlogRole(actor.id, blog.id)) ? blog : null;
}

/**
 * createBlog: a new blog whose owner is the creator, or (admins only) the person named by
 * ownerHandle. A slug in use, or kept as another blog's old address, is a CONFLICT.
 */
export async function createBlog(actor: Actor, input: CreateBlogInput): Promise<{ id: string; slug: string }> {
  if (!actor) throw new AppError("UNAUTHENTICATED", "errors.signInRequired");
  const data = parseBlogInput(CreateBlogSchema, input);
  if (!(await canCreateBlog(actor))) throw new AppError("FORBIDDEN", "errors.forbidden");
  const ownerId = await ownerIdFor(actor, data.ownerHandle);
  try {
    return await db.$transaction(async (tx) => {
      await assertSlugFree(tx, data.slug, null);
      const blog = await tx.blog.create({
        data: {
          slug: data.slug,
          name: data.name,
          tagline: data.tagline,
          language: data.language,
          frenchTypography: data.language === "fr",
          memberships: { create: { userId: ownerId, role: "owner" } },
        },
        select: { id: true, slug: true },
      });
      if (ownerId !== actor.id) {
        await recordAudit(tx, {
          actorId: actor.id,
          blogId: blog.id,
          action: "blog.member.add",
          subject: { type: "user", id: ownerId },
          after: { role: "owner" },
        });
      }
      return blog;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw slugTaken();
    throw error;
  }
}

async function ownerIdFor(actor: NonNullable<Actor>, handle: string | undefined): Promise<string> {
  if (!handle) return actor.id;
  if (!canAppointBlogOwner(actor)) throw new AppError("FORBIDDEN", "errors.forbidden");
  const owner = await db.user.findUnique({
    where: { handleKey: handle.toLowerCase() },
    select: { id: true, deletedAt: true },
  });
  if (!owner || owner.deletedAt)
    throw new AppError("INVALID_INPUT", "validation.handleUnknown", { field: "ownerHandle" });
  return owner.id;
}

/**
 * updateBlogSettings: owners (and admins) change the blog's identity and settings. A new slug
 * leaves the old one as a permanent redirect; a slug another blog uses or used is a CONFLICT,
 * and then nothing is saved (uploaded files included).
 */
export async function updateBlogSettings(
  actor: Actor,
  blogId: string,
  input: UpdateBlogSettingsInput,
): Promise<{ slug: string }> {
  await assertCanManageBlog(actor, blogId);
  const { logo, removeLogo, headerImage, removeHeaderImage, slug, ...fields } = parseBlogInput(
    UpdateBlogSettingsSchema,
    input,
  );
  const before = await db.blog.findUniqueOrThrow({ where: { id: blogId }, select: settingsSelect });
  // Rendered before anything is uploaded or locked: a description the pipeline refuses saves nothing.
  const described = await describe(before, fields);
  const logoUrl = await uploadOrKeep(logo, "logo", removeLogo ? null : before.logoUrl);
  let headerImageUrl: string | null;
  try {
    headerImageUrl = await uploadOrKeep(headerImage, "header", removeHeaderImage ? null : before.headerImageUrl);
  } catch (error) {
    if (logoUrl !== before.logoUrl) await deleteUpload(logoUrl);
    throw error;
  }
  try {
    await db.$transaction(async (tx) => {
      await moveBlogSlug(tx, blogId, before.slug, slug);
      const data = definedOnly({ ...fields, slug, logoUrl, headerImageUrl });
      await tx.blog.update({ where: { id: blogId }, data: { ...data, ...described } });
      await auditSettings(tx, actor, before, data);
      // Stored renders follow the settings they depend on (in the background: a blog may hold thousands).
      const renderingChanged = (["frenchTypography", "language"] as const).some(
        (key) => data[key] !== undefined && data[key] !== before[key],
      );
      if (renderingChanged) await enqueueJob(tx, BLOG_RENDER_JOB, { blogId });
    });
  } catch (error) {
    // Nothing was saved: the files uploaded for this attempt go too.
    if (logoUrl !== before.logoUrl) await deleteUpload(logoUrl);
    if (headerImageUrl !== before.headerImageUrl) await deleteUpload(headerImageUrl);
    throw isUniqueViolation(error) ? slugTaken() : error;
  }
  if (logoUrl !== before.logoUrl) await deleteUpload(before.logoUrl);
  if (headerImageUrl !== before.headerImageUrl) await deleteUpload(before.headerImageUrl);
  // The blog's name, colours and images show on its articles and on every list.
  await pagesChanged();
  return { slug };
}

type SettingsRow = BlogSettings;

/** describe: the description's rendered columns when it or a setting its rendering depends on changes; {} otherwise. */
async function describe(
  before: SettingsRow,
  fields: { description?: string | null; frenchTypography?: boolean; language?: string },
): Promise<Partial<RenderedDescription>> {
  const next = {
    description: fields.description === undefined ? before.description : fields.description,
    frenchTypography: fields.frenchTypography ?? before.frenchTypography,
    language: fields.language ?? before.language,
  };
  const unchanged = (Object.keys(next) as (keyof typeof next)[]).every((key) => next[key] === before[key]);
  return unchanged ? {} : renderDescription(next.description, next);
}

/** definedOnly: the fields the input carries (an absent rule keeps its value). */
function definedOnly<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/**
 * auditSettings: one `blog.settings` entry in the change's transaction, with the state before
 * and after of the fields that changed only (nothing when none did).
 */
async function auditSettings(
  tx: Tx,
  actor: Actor,
  before: SettingsRow,
  data: Partial<Record<keyof SettingsRow, unknown>>,
): Promise<void> {
  const changed = (Object.keys(data) as (keyof SettingsRow)[]).filter(
    (key) => key !== "id" && data[key] !== before[key],
  );
  if (changed.length === 0) return;
  await recordAudit(tx, {
    actorId: actor?.id ?? null,
    blogId: before.id,
    action: "blog.settings",
    subject: { type: "blog", id: before.id, name: (data.name as string | undefined) ?? before.name },
    before: Object.fromEntries(changed.map((key) => [key, before[key]])),
    after: Object.fromEntries(changed.map((key) => [key, data[key]])),
  });
}

/** getBlogRules: the discussion rules of a blog, or null unless the actor may manage it (owners, admins). */
export async function getBlogRules(actor: Actor, blogId: string): Promise<BlogRules | null> {
  if (!actor || !canManageBlog(actor, await getBlogRole(actor.id, blogId))) return null;
  const blog = await db.blog.findUnique({ where: { id: blogId }, select: settingsSelect });
  return blog ? rulesOf(blog) : null;
}

function rulesOf(blog: SettingsRow): BlogRules {
  const { holdUntilApproved, holdLinkLimit, holdWords, rejectWords, closeAfterDays, reportThreshold } = blog;
  const { spamCheck, commentsPerPage } = blog;
  return {
    holdUntilApproved,
    holdLinkLimit,
    holdWords,
    rejectWords,
    closeAfterDays,
    reportThreshold,
    spamCheck,
    commentsPerPage,
  };
}

/**
 * updateBlogRules: some of the blog's discussion rules (the API's PATCH), by its owners and
 * admins, with its `blog.settings` audit entry; answers the rules as they now are.
 */
export async function updateBlogRules(actor: Actor, blogId: string, input: BlogRulesPatch): Promise<BlogRules> {
  await assertCanManageBlog(actor, blogId);
  const data = definedOnly(parseBlogInput(BlogRulesPatchSchema, input));
  const after = await db.$transaction(async (tx) => {
    const before = await tx.blog.findUniqueOrThrow({ where: { id: blogId }, select: settingsSelect });
    const updated = await tx.blog.update({ where: { id: blogId }, data, select: settingsSelect });
    await auditSettings(tx, actor, before, data);
    return updated;
  });
  await pagesChanged();
  return rulesOf(after);
}

async function uploadOrKeep(file: File | undefined, purpose: "logo" | "header", current: string | null) {
  if (!file) return current;
  try {
    return (await saveImageUpload(file, { purpose })).url;
  } catch (error) {
    // The form shows the refusal next to the file input it came from.
    if (error instanceof AppError) {
      throw new AppError(error.code, error.message, {
        ...error.details,
        field: purpose === "logo" ? "logo" : "headerImage",
      });
    }
    throw error;
  }
}

export type AdminBlog = {
  id: string;
  slug: string;
  name: string;
  owners: { id: string; handle: string; name: string }[];
  memberCount: number;
  createdAt: Date;
};

/** listAllBlogs: every blog with its owners (admins only). */
export async function listAllBlogs(actor: Actor): Promise<AdminBlog[]> {
  if (!actor) throw new AppError("UNAUTHENTICATED", "errors.signInRequired");
  if (!canListAllBlogs(actor)) throw new AppError("FORBIDDEN", "errors.forbidden");
  const blogs = await db.blog.findMany({
    select: {
      id: true,
      slug: true,
      name: true,
      createdAt: true,
      memberships: {
        select: { role: true, user: { select: { id: true, handle: true, name: true } } },
        orderBy: { createdAt: "asc" },
      },
    },
    orderBy: { name: "asc" },
  });
  return blogs.map(({ memberships, ...blog }) => ({
    ...blog,
    owners: memberships.filter((m) => parseBlogRole(m.role) === "owner").map((m) => m.user),
    memberCount: memberships.length,
  }));
}
