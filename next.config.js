// Importing env validates the environment: a bad .env fails `next build` and `next start`.
import "./lib/env.js";
import createNextIntlPlugin from "next-intl/plugin";

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  serverExternalPackages: [
    "better-sqlite3",
    "pg",
    "@prisma/client",
    "@prisma/adapter-better-sqlite3",
    "@prisma/adapter-pg",
  ],
  typedRoutes: false,
  // `npm run typecheck` (the first stage of `npm test`) checks the whole project with tsc;
  // the build does not check the same files a second time.
  typescript: { ignoreBuildErrors: true },
  // Forms upload images (a blog's logo and header, an article's cover: 5 MiB each at most,
  // checked again by lib/uploads); Next's default action body limit is 1 MB.
  experimental: { serverActions: { bodySizeLimit: "12mb" } },
  // Server actions are refused unless their Origin matches the Host: never widen that with
  // `experimental.serverActions.allowedOrigins` (it is the actions' CSRF protection).
  // Headers that never vary, on every path including static assets; proxy.ts adds the
  // per-request Content-Security-Policy (nonce) and HSTS.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default withNextIntl(nextConfig);
