import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db";
import { loginPath } from "@/lib/security";
import { authOptions } from "./options";

export type Viewer = {
  id: string;
  handle: string;
  name: string;
  email: string | null;
  image: string | null;
  role: string;
  locale: string | null;
};

const viewerSelect = {
  id: true,
  handle: true,
  name: true,
  email: true,
  image: true,
  role: true,
  locale: true,
  sessionVersion: true,
  deletedAt: true,
} as const;

/**
 * getViewer: the signed-in person, or null. One lookup per request (React cache); a token
 * issued before "sign out everywhere" or for a deleted account counts as signed out.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await getServerSession(authOptions);
  const claims = session?.user as { id?: string; sv?: number } | undefined;
  if (!claims?.id) return null;
  const user = await db.user.findUnique({ where: { id: claims.id }, select: viewerSelect });
  if (!user || user.deletedAt || user.sessionVersion !== (claims.sv ?? 0)) return null;
  const { sessionVersion: _sv, deletedAt: _deleted, ...viewer } = user;
  return viewer;
});

/** requireViewer: the signed-in person, or a redirect to /login?from=<path>. */
export async function requireViewer(from: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(loginPath(from));
  return viewer;
}
