import { viewerForRequest } from "@/lib/auth";
import { apiError, readJson } from "@/lib/api";
import { AppError } from "@/lib/errors";
import { UpdateProfileSchema, getEditableProfile, updateProfile } from "@/lib/users";

export const dynamic = "force-dynamic";

/** GET /api/v1/me: the caller's own profile (bearer token or session). */
export async function GET(request: Request) {
  try {
    const viewer = await viewerForRequest(request, { mutation: false });
    if (!viewer) throw new AppError("UNAUTHENTICATED", "errors.signInRequired");
    const { handle, name, bio, links } = await getEditableProfile(viewer.id);
    return Response.json({ id: viewer.id, handle, name, bio, links });
  } catch (error) {
    return apiError(error);
  }
}

/** PATCH /api/v1/me: updates the caller's profile; a token only ever acts on its owner. */
export async function PATCH(request: Request) {
  try {
    const viewer = await viewerForRequest(request, { mutation: true });
    if (!viewer) throw new AppError("UNAUTHENTICATED", "errors.signInRequired");
    const { handle, name, bio, links } = await getEditableProfile(viewer.id);
    const changes = (await readJson(request)) as object;
    const input = UpdateProfileSchema.parse({ handle, name, bio: bio ?? "", links, ...changes });
    await updateProfile(viewer, viewer.id, input);
    const updated = await getEditableProfile(viewer.id);
    return Response.json({
      id: viewer.id,
      handle: updated.handle,
      name: updated.name,
      bio: updated.bio,
      links: updated.links,
    });
  } catch (error) {
    return apiError(error);
  }
}
