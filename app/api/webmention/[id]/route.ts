import { apiError } from "@/lib/api";
import { webmentionStatus } from "@/lib/links/webmention";

export const dynamic = "force-dynamic";

/** GET /api/webmention/{id}: what became of a Webmention: pending, accepted, rejected (with why) or deleted. */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const { id } = await params;
    const mention = await webmentionStatus(id.slice(0, 64));
    return Response.json(mention, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    return apiError(error);
  }
}
