import "server-only";
import { db } from "@/lib/db";
import { pagesChanged } from "@/lib/page-cache";
import { AppError, isUniqueViolation } from "@/lib/errors";
import { renderMarkdownCached } from "@/lib/markdown";
import { canEditProfile, type Actor } from "@/lib/auth/policy";
import type { UpdateProfileInput } from "./profile-schemas";
import { foldKey } from "./schemas";

export type PublicProfile = {
  id: string;
  handle: string;
  name: string;
  image: string | null;
  bioHtml: string | null;
  createdAt: Date;
  links: { label: string; url: string }[];
  posts: { id: string; slug: string; title: string; publishedAt: Date | null; blog: { slug: string; name: string } }[];
  comments: {
    id: string;
    createdAt: Date;
    bodyHtml: string;
    post: { slug: string; title: string; blog: { slug: string } };
  }[];
};

/** getPublicProfile: a person's public page data (published articles, approved comments), or null. */
export async function getPublicProfile(handle: string): Promise<PublicProfile | null> {
  const user = await db.user.findUnique({
    where: { handleKey: handle.toLowerCase() },
    select: {
      id: true,
      handle: true,
      name: true,
      image: true,
      bio: true,
      createdAt: true,
      deletedAt: true,
      links: { select: { label: true, url: true }, orderBy: { position: "asc" } },
      posts: {
        where: { status: "published", deletedAt: null, publishedAt: { lte: new Date() } },
        select: { id: true, slug: true, title: true, publishedAt: true, blog: { select: { slug: true, name: true } } },
        orderBy: { publishedAt: "desc" },
        take: 20,
      },
      comments: {
        where: { status: "approved", post: { status: "published", deletedAt: null } },
        select: {
          id: true,
          createdAt: true,
          bodyHtml: true,
          post: { select: { slug: true, title: true, blog: { select: { slug: true } } } },
        },
        orderBy: { createdAt: "desc" },
        take: 20,
      },
    },
  });
  if (!user || user.deletedAt) return null;
  const { bio, deletedAt: _deleted, ...rest } = user;
  // The bio is a small markdown subset, rendered with the comment rules (no images, no HTML).
  return { ...rest, bioHtml: bio ? (await renderMarkdownCached(bio, "comment")).html : null };
}

/** getEditableProfile: the fields of the settings form. */
export async function getEditableProfile(userId: string) {
  return db.user
    .findUniqueOrThrow({
      where: { id: userId },
      select: {
        handle: true,
        name: true,
        bio: true,
        email: true,
        pendingEmail: true,
        passwordHash: true,
        links: { select: { label: true, url: true }, orderBy: { position: "asc" } },
      },
    })
    .then(({ passwordHash, ...profile }) => ({ ...profile, hasPassword: Boolean(passwordHash) }));
}

/** updateProfile: changes handle, name, bio and links; a taken handle is a CONFLICT and nothing changes. */
export async function updateProfile(actor: Actor, userId: string, input: UpdateProfileInput): Promise<void> {
  if (!canEditProfile(actor, userId)) throw new AppError("FORBIDDEN", "errors.forbidden");
  const handleKey = input.handle.toLowerCase();
  const clash = await db.user.findFirst({ where: { handleKey, id: { not: userId } }, select: { id: true } });
  if (clash) throw new AppError("CONFLICT", "validation.handleTaken", { field: "handle" });
  try {
    await db.$transaction([
      db.user.update({
        where: { id: userId },
        data: { handle: input.handle, handleKey, name: input.name, nameKey: foldKey(input.name), bio: input.bio },
      }),
      db.userLink.deleteMany({ where: { userId } }),
      db.userLink.createMany({ data: input.links.map((link, position) => ({ ...link, position, userId })) }),
    ]);
  } catch (error) {
    if (isUniqueViolation(error)) throw new AppError("CONFLICT", "validation.handleTaken", { field: "handle" });
    throw error;
  }
  // Names and handles show on every page the person wrote or commented on.
  await pagesChanged();
}
