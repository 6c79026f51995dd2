import { apiError } from "@/lib/api";
import { getViewer } from "@/lib/auth";
import { getBlogBySlug } from "@/lib/blogs";
import { AppError } from "@/lib/errors";
import { auditQueryOf, csvResponse, exportAuditCsv } from "@/lib/moderation";

export const dynamic = "force-dynamic";

/** GET /write/{blog}/moderation/log.csv: the blog's audit log as CSV, with the page's filters (canReadAuditLog). */
export async function GET(request: Request, { params }: { params: Promise<{ blog: string }> }) {
  try {
    const { blog: slug } = await params;
    const blog = await getBlogBySlug(slug);
    if (!blog) throw new AppError("NOT_FOUND", "errors.notFound");
    const query = auditQueryOf(new URL(request.url).searchParams);
    const chunks = await exportAuditCsv(await getViewer(), { blogId: blog.id }, query);
    return csvResponse(chunks, `audit-${blog.slug}-${new Date().toISOString().slice(0, 10)}.csv`);
  } catch (error) {
    return apiError(error);
  }
}
