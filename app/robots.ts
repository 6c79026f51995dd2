import type { MetadataRoute } from "next";
import { appUrl } from "@/lib/auth/app-url";

// Read per request: the host comes from NEXTAUTH_URL at run time.
export const dynamic = "force-dynamic";

const PRIVATE_PATHS = [
  "/api/",
  "/admin",
  "/settings",
  "/write",
  "/moderation",
  "/login",
  "/signup",
  "/setup",
  "/reset-password",
  "/verify-email",
];

/** robots: everything public may be crawled, accounts and tools may not; points at /sitemap.xml. */
export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: "*", allow: "/", disallow: PRIVATE_PATHS },
    sitemap: appUrl("/sitemap.xml"),
  };
}
