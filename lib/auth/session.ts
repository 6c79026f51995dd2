import "server-only";
import { getServerSession } from "next-auth";
import { encode } from "next-auth/jwt";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { db } from "@/lib/db";
import { loginPath } from "@/lib/security";
import { authOptions } from "./options";
import type { Sanction } from "./policy";
import { sanctionsInForce, toSanctions } from "./sanctions";
import { env } from "@/lib/env.js";

export type Viewer = {
  id: string;
  handle: string;
  name: string;
  email: string | null;
  image: string | null;
  role: string;
  locale: string | null;
  /** Suspensions and bans in force when the request began (see lib/auth/sanctions). */
  sanctions: Sanction[];
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

/** viewerQuery: the user fields of a Viewer, with the sanctions in force at `now`. */
export function viewerQuery(now: Date = new Date()) {
  return { ...viewerSelect, sanctions: sanctionsInForce(now) };
}

/** The claims a session token carries (see the jwt and session callbacks in ./options). */
export type SessionClaims = { id?: unknown; sv?: unknown } | null | undefined;

/**
 * viewerForClaims: the person a session names, or null. A session issued before the account's
 * session version last changed (sign out everywhere, a password change or reset, an email
 * change) or for a deleted account counts as signed out.
 */
export async function viewerForClaims(claims: SessionClaims): Promise<Viewer | null> {
  if (!claims || typeof claims.id !== "string" || !claims.id) return null;
  const version = typeof claims.sv === "number" ? claims.sv : 0;
  const user = await db.user.findUnique({ where: { id: claims.id }, select: viewerQuery() });
  if (!user || user.deletedAt || user.sessionVersion !== version) return null;
  const { sessionVersion: _sv, deletedAt: _deleted, sanctions, ...viewer } = user;
  return { ...viewer, sanctions: toSanctions(sanctions) };
}

/** getViewer: the signed-in person for this request, or null. One lookup per request (React cache). */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await getServerSession(authOptions);
  return viewerForClaims(session?.user as SessionClaims);
});

const SESSION_COOKIE = "next-auth.session-token";

/**
 * sessionToken: a session token for `user` at `sessionVersion`, made as next-auth makes its own
 * (same secret, lifetime and claims), so the jwt and session callbacks read it as any other.
 */
export async function sessionToken(
  user: { id: string; name: string; email: string | null; image: string | null },
  sessionVersion: number,
): Promise<string> {
  const secret = authOptions.secret ?? env.NEXTAUTH_SECRET;
  if (!secret) throw new Error("NEXTAUTH_SECRET is not set");
  return encode({
    secret,
    maxAge: authOptions.session?.maxAge,
    token: { sub: user.id, name: user.name, email: user.email, picture: user.image, uid: user.id, sv: sessionVersion },
  });
}

/**
 * keepThisSession: after a change that ended every session of `viewer` (a new session version),
 * gives this browser a new session at that version, so only the other sessions end. Server
 * actions only (it sets the session cookie, under the name next-auth uses for this instance).
 */
export async function keepThisSession(viewer: Viewer, sessionVersion: number): Promise<void> {
  const jar = await cookies();
  const secure = jar.has(`__Secure-${SESSION_COOKIE}`) || (env.NEXTAUTH_URL ?? "").startsWith("https://");
  const name = `${secure ? "__Secure-" : ""}${SESSION_COOKIE}`;
  // A large session may have been split into name.0, name.1…: the new one is a single cookie.
  for (const cookie of jar.getAll()) if (cookie.name.startsWith(`${name}.`)) jar.delete(cookie.name);
  jar.set(name, await sessionToken(viewer, sessionVersion), {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure,
    maxAge: authOptions.session?.maxAge,
  });
}

/** requireViewer: the signed-in person, or a redirect to /login?from=<path>. */
export async function requireViewer(from: string): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect(loginPath(from));
  return viewer;
}
