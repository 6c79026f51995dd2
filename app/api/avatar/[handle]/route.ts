import { getAvatarSvg } from "@/lib/users";

/** GET /api/avatar/<handle>: a generated SVG avatar (no external service), cached for a day. */
export async function GET(_request: Request, { params }: { params: Promise<{ handle: string }> }) {
  const { handle } = await params;
  const svg = await getAvatarSvg(handle);
  return new Response(svg, {
    headers: {
      "content-type": "image/svg+xml; charset=utf-8",
      "cache-control": "public, max-age=86400",
      "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
    },
  });
}
