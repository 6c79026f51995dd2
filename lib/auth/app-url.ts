import { siteUrl } from "../env.js";

/** appUrl: an absolute URL on this instance (links in mail), from NEXTAUTH_URL. */
export function appUrl(path: string): string {
  return new URL(path, siteUrl()).toString();
}
