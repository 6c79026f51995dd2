import "server-only";
import { timingSafeEqual } from "node:crypto";
import { headers } from "next/headers";
import { cache } from "react";
import { env } from "@/lib/env.js";
import { AUDIENCE_HEADER, memberShellToken } from "@/lib/page-cache/policy";
import { getViewer, type Viewer } from "./session";

/**
 * Audience: who a page is rendered for. A viewer (signed in), a visitor, or the member shell:
 * the page as every signed-in reader gets it from the page cache, before the server adds their
 * personal layer (lib/personal) and the browser shows it (components/personal). A shell renders
 * without a session: it holds nobody's name, likes or counts, only the signed-in layout.
 */
export type Audience = { kind: "viewer"; viewer: Viewer } | { kind: "member-shell" } | { kind: "visitor" };

/** getAudience: this request's audience (once per request). */
export const getAudience = cache(async (): Promise<Audience> => {
  const viewer = await getViewer();
  if (viewer) return { kind: "viewer", viewer };
  const asked = (await headers()).get(AUDIENCE_HEADER);
  if (asked && sameText(asked, memberShellToken(env.NEXTAUTH_SECRET))) return { kind: "member-shell" };
  return { kind: "visitor" };
});

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}
