import "server-only";
import { z } from "zod";
import { hashPassword } from "@/lib/auth/password";
import { PasswordSchema } from "@/lib/auth/schemas";
import { hashToken, issueToken } from "@/lib/auth/tokens";
import { BlogSlugSchema, LanguageSchema } from "@/lib/blogs/schemas";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { DisplayNameSchema, EmailSchema, PublicHandleSchema, foldKey } from "@/lib/users/schemas";

export const SetupSchema = z.object({
  code: z.string().trim().min(1, "validation.setupCode").max(100),
  name: DisplayNameSchema,
  handle: PublicHandleSchema,
  email: EmailSchema,
  password: PasswordSchema,
  blogName: z.string().trim().min(1, "validation.blogNameEmpty").max(80, "validation.blogNameTooLong"),
  blogSlug: BlogSlugSchema,
  blogLanguage: LanguageSchema,
});
export type SetupInput = z.infer<typeof SetupSchema>;

/** needsSetup: true while the instance has no administrator. */
export async function needsSetup(): Promise<boolean> {
  return (await db.user.count({ where: { role: "admin", deletedAt: null } })) === 0;
}

// The code lives in this process's memory and in the database as a hash; printing it in the
// server log proves that whoever types it runs the server.
const globalForSetup = globalThis as unknown as { tribuneSetupCode?: string };

/** announceSetupCode: issues a code once per process while set-up is needed, and prints it to the log. */
export async function announceSetupCode(): Promise<void> {
  if (globalForSetup.tribuneSetupCode || !(await needsSetup())) return;
  const token = await issueToken("setup", {});
  const code = token
    .slice(0, 12)
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, "7");
  await db.authToken.updateMany({ where: { tokenHash: hashToken(token) }, data: { tokenHash: hashToken(code) } });
  globalForSetup.tribuneSetupCode = code;
  console.log(
    `\n[setup] This instance has no administrator yet. Open /setup and enter the code ${code} (valid 24 hours).\n`,
  );
}

/** completeSetup: with a valid code, creates the first admin and the first blog in one transaction. */
export async function completeSetup(input: SetupInput): Promise<void> {
  const passwordHash = await hashPassword(input.password);
  await db.$transaction(async (tx) => {
    if ((await tx.user.count({ where: { role: "admin", deletedAt: null } })) > 0) {
      throw new AppError("CONFLICT", "errors.alreadySetUp");
    }
    const used = await tx.authToken.updateMany({
      where: {
        tokenHash: hashToken(input.code.toUpperCase()),
        purpose: "setup",
        usedAt: null,
        expiresAt: { gt: new Date() },
      },
      data: { usedAt: new Date() },
    });
    if (used.count !== 1) throw new AppError("INVALID_INPUT", "validation.setupCode", { field: "code" });
    const taken = await tx.user.findFirst({
      where: { OR: [{ email: input.email }, { handleKey: input.handle.toLowerCase() }] },
      select: { email: true },
    });
    if (taken)
      throw new AppError("CONFLICT", taken.email === input.email ? "validation.emailTaken" : "validation.handleTaken", {
        field: taken.email === input.email ? "email" : "handle",
      });
    if (await tx.blog.findUnique({ where: { slug: input.blogSlug }, select: { id: true } })) {
      throw new AppError("CONFLICT", "validation.blogSlugTaken", { field: "blogSlug" });
    }
    const admin = await tx.user.create({
      data: {
        handle: input.handle,
        handleKey: input.handle.toLowerCase(),
        name: input.name,
        nameKey: foldKey(input.name),
        email: input.email,
        emailVerified: new Date(),
        passwordHash,
        role: "admin",
      },
      select: { id: true },
    });
    await tx.blog.create({
      data: {
        slug: input.blogSlug,
        name: input.blogName,
        language: input.blogLanguage,
        frenchTypography: input.blogLanguage === "fr",
        memberships: { create: { userId: admin.id, role: "owner" } },
      },
    });
  });
  globalForSetup.tribuneSetupCode = undefined;
}

/**
 * createAdminFromCli: makes `email` an administrator, creating the account when needed (handle
 * derived from the email), with the given password or none (the caller then mails a link).
 */
export async function createAdminFromCli(input: { email: string; name?: string; password?: string }) {
  const email = EmailSchema.parse(input.email);
  const password = input.password === undefined ? undefined : PasswordSchema.parse(input.password);
  const passwordHash = password ? await hashPassword(password) : undefined;
  const existing = await db.user.findUnique({ where: { email }, select: { id: true, handle: true } });
  if (existing) {
    await db.user.update({
      where: { id: existing.id },
      data: { role: "admin", emailVerified: new Date(), ...(passwordHash ? { passwordHash } : {}) },
    });
    return { id: existing.id, handle: existing.handle, created: false };
  }
  const { suggestHandle } = await import("@/lib/auth/handles");
  const name = DisplayNameSchema.parse(input.name ?? email.split("@")[0]);
  const handle = await suggestHandle(email);
  const user = await db.user.create({
    data: {
      email,
      emailVerified: new Date(),
      name,
      nameKey: foldKey(name),
      handle,
      handleKey: handle,
      role: "admin",
      passwordHash,
    },
    select: { id: true, handle: true },
  });
  return { ...user, created: true };
}
