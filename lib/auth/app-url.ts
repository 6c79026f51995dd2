import { env } from "../env.js";

/** appUrl: an absolute URL on this instance (links in mail), from NEXTAUTH_URL. */
export function appUrl(path: string): string {
  const base = process.env.NEXTAUTH_URL || env.NEXTAUTH_URL || `http://localhost:${process.env.PORT || 3000}`;
  return new URL(path, base).toString();
}
