import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { pagesChanged } from "@/lib/page-cache";
import { AppError } from "@/lib/errors";
import { canEditProfile, type Actor } from "@/lib/auth/policy";
import { locales, type Locale } from "@/lib/i18n";

const LocaleSchema = z.enum(locales);

/**
 * deleteAccount: removes a person. Their comments stay in place as "deleted user" (authorId
 * becomes null, so threads keep their shape); tokens, follows, reactions and notifications go.
 * Someone who still authors articles must hand them over or delete them first.
 */
export async function deleteAccount(actor: Actor, userId: string): Promise<void> {
  if (!canEditProfile(actor, userId)) throw new AppError("FORBIDDEN", "errors.forbidden");
  const posts = await db.post.count({ where: { authorId: userId, deletedAt: null } });
  if (posts > 0) throw new AppError("CONFLICT", "errors.accountHasPosts", { posts });
  await db.$transaction([
    db.comment.updateMany({ where: { authorId: userId }, data: { authorId: null } }),
    db.user.delete({ where: { id: userId } }),
  ]);
  await pagesChanged();
}

/** exportAccount: everything the instance holds about a person, as plain JSON-ready data (no hashes). */
export async function exportAccount(userId: string) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: {
      id: true,
      handle: true,
      name: true,
      email: true,
      emailVerified: true,
      pendingEmail: true,
      image: true,
      bio: true,
      role: true,
      locale: true,
      createdAt: true,
      updatedAt: true,
      links: { select: { label: true, url: true } },
      accounts: { select: { provider: true, providerAccountId: true } },
      memberships: { select: { role: true, createdAt: true, blog: { select: { slug: true, name: true } } } },
      posts: {
        select: {
          id: true,
          slug: true,
          title: true,
          status: true,
          publishedAt: true,
          bodySource: true,
          createdAt: true,
          updatedAt: true,
          blog: { select: { slug: true } },
        },
      },
      comments: {
        select: {
          id: true,
          postId: true,
          parentId: true,
          status: true,
          bodySource: true,
          createdAt: true,
          editedAt: true,
        },
      },
      reactions: { select: { commentId: true, kind: true, createdAt: true } },
      follows: { select: { postId: true, createdAt: true } },
      notifications: { select: { kind: true, postId: true, commentId: true, readAt: true, createdAt: true } },
      notifyPrefs: { select: { kind: true, inApp: true, email: true } },
      apiTokens: { select: { name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } },
      mentions: { select: { commentId: true, postId: true, createdAt: true } },
    },
  });
  return { exportedAt: new Date().toISOString(), format: "tribune-account-export/1", user };
}

/**
 * setPreferredLocale: the interface language a person chose (the language switch), kept on their
 * account so that every device they sign in on, and every mail they get, follows it.
 */
export async function setPreferredLocale(actor: Actor, userId: string, locale: Locale): Promise<void> {
  if (!canEditProfile(actor, userId)) throw new AppError("FORBIDDEN", "errors.forbidden");
  await db.user.update({ where: { id: userId }, data: { locale: LocaleSchema.parse(locale) } });
}
