import { z } from "zod";
import { apiError } from "@/lib/api";
import { viewerForRequest } from "@/lib/auth";
import { setThreadLock } from "@/lib/moderation";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ id: string }> };
const LockBody = z.object({ reason: z.string().trim().max(500).optional() });

async function lock(request: Request, { params }: Context, locked: boolean) {
  try {
    const { id } = await params;
    const viewer = await viewerForRequest(request, { mutation: true });
    const text = await request.text();
    const { reason } = LockBody.parse(text.trim() ? JSON.parse(text) : {});
    const result = await setThreadLock(viewer, id, locked, reason);
    return Response.json({ postId: result.postId, lockedAt: result.lockedAt?.toISOString() ?? null });
  } catch (error) {
    if (error instanceof SyntaxError) return apiError(new z.ZodError([]));
    return apiError(error);
  }
}

/** POST /api/v1/posts/{id}/lock: locks the discussion (moderators). Body optional: { reason }. */
export const POST = (request: Request, context: Context) => lock(request, context, true);

/** DELETE /api/v1/posts/{id}/lock: unlocks it. */
export const DELETE = (request: Request, context: Context) => lock(request, context, false);
