import { buildOpenApiDocument } from "@/lib/openapi";

/** GET /api/v1/openapi.json: the OpenAPI 3.1 document, generated from the handlers' zod schemas. */
export function GET() {
  return Response.json(buildOpenApiDocument(), { headers: { "cache-control": "public, max-age=300" } });
}
