import { apiError } from "@/lib/api";
import { getViewer } from "@/lib/auth";
import { auditQueryOf, csvResponse, exportAuditCsv } from "@/lib/moderation";

export const dynamic = "force-dynamic";

/** GET /moderation/log.csv: the whole instance's audit log as CSV, with the page's filters (admins). */
export async function GET(request: Request) {
  try {
    const query = auditQueryOf(new URL(request.url).searchParams);
    const chunks = await exportAuditCsv(await getViewer(), { blogId: null }, query);
    return csvResponse(chunks, `audit-${new Date().toISOString().slice(0, 10)}.csv`);
  } catch (error) {
    return apiError(error);
  }
}
