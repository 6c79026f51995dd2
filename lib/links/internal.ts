import { env } from "../env.js";

/**
 * internalPostPath: the blog and post slugs a link points at when it targets an article of
 * this instance (a root-relative "/blog/post" or an absolute URL on NEXTAUTH_URL's origin).
 */
export function internalPostPath(url: string, origin = env.NEXTAUTH_URL): { blog: string; post: string } | null {
  let path: string;
  try {
    const parsed = new URL(url, "http://internal.invalid");
    const ours =
      parsed.origin === "http://internal.invalid" || (origin !== undefined && parsed.origin === new URL(origin).origin);
    if (!ours) return null;
    path = parsed.pathname;
  } catch {
    return null;
  }
  const match = /^\/([a-z0-9-]+)\/([a-z0-9-]+)\/?$/.exec(path);
  return match ? { blog: match[1]!, post: match[2]! } : null;
}
