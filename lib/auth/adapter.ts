import "server-only";
import { PrismaAdapter } from "@next-auth/prisma-adapter";
import type { Adapter, AdapterUser } from "next-auth/adapters";
import { db } from "@/lib/db";
import { DisplayNameSchema, foldKey } from "@/lib/users/schemas";
import { suggestHandle } from "./handles";

/**
 * tribuneAdapter: next-auth's Prisma adapter, except that creating a user (first magic-link
 * or GitHub sign-in) also gives them a free handle and the folded name mentions rely on.
 */
export function tribuneAdapter(): Adapter {
  const base = PrismaAdapter(db as never) as Adapter;
  return {
    ...base,
    async createUser(user: Omit<AdapterUser, "id">) {
      const email = user.email.toLowerCase();
      const parsedName = DisplayNameSchema.safeParse(user.name ?? "");
      const handle = await suggestHandle(parsedName.success ? parsedName.data : email);
      const name = parsedName.success ? parsedName.data : handle;
      const created = await db.user.create({
        data: {
          email,
          emailVerified: user.emailVerified,
          image: user.image ?? null,
          name,
          nameKey: foldKey(name),
          handle,
          handleKey: handle.toLowerCase(),
        },
      });
      return { id: created.id, email: created.email!, emailVerified: created.emailVerified, name: created.name };
    },
    async getUserByEmail(email: string) {
      const user = await db.user.findUnique({ where: { email: email.toLowerCase() } });
      if (!user || user.deletedAt) return null;
      return { id: user.id, email: user.email!, emailVerified: user.emailVerified, name: user.name, image: user.image };
    },
  };
}
