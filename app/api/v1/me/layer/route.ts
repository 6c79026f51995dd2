import { z } from "zod";
import { apiError } from "@/lib/api";
import { personalLayer } from "@/lib/personal";

export const dynamic = "force-dynamic";

const QuerySchema = z.object({
  path: z
    .string()
    .max(300)
    .regex(/^\/[a-z0-9-]+\/[a-z0-9-]+$/),
});

/**
 * GET /api/v1/me/layer?path=/blog/post: the signed-in caller's personal layer of an article's
 * page (lib/personal), which the server adds to the page every signed-in reader shares, or
 * { shared: false } when the page must be rendered for them. Session only; private, never cached.
 */
export async function GET(request: Request) {
  try {
    const { path } = QuerySchema.parse(Object.fromEntries(new URL(request.url).searchParams));
    const answer = await personalLayer(path);
    return Response.json(answer, { headers: { "cache-control": "private, no-store" } });
  } catch (error) {
    return apiError(error);
  }
}
