import { apiError } from "@/lib/api";
import { viewerForRequest } from "@/lib/auth";
import { auditFromApi, auditQueryOf, csvResponse } from "@/lib/moderation";

export const dynamic = "force-dynamic";

/**
 * GET /api/v1/moderation/log: the audit log, newest first, 50 a page (cursor). `blog=<slug>`: that
 * blog's (its owners and moderators, admins); without: the instance's (admins). format=csv: the export.
 */
export async function GET(request: Request) {
  try {
    const viewer = await viewerForRequest(request, { mutation: false });
    const params = new URL(request.url).searchParams;
    const result = await auditFromApi(viewer, params, auditQueryOf(params));
    if ("csv" in result && result.csv)
      return csvResponse(result.csv, `audit-${result.slug ?? "instance"}-${new Date().toISOString().slice(0, 10)}.csv`);
    return Response.json(result.json);
  } catch (error) {
    return apiError(error);
  }
}
