import { checkHealth } from "@/lib/db/health";

export const dynamic = "force-dynamic";

/** GET /api/health: {"ok":true,"db":"sqlite"|"postgresql"} after a real query, else 503 with a reason. */
export async function GET() {
  const health = await checkHealth();
  return Response.json(health, { status: health.ok ? 200 : 503, headers: { "cache-control": "no-store" } });
}
