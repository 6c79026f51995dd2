import { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";

// Schemas carry their names and descriptions with zod 4's .meta({ id, description }), which
// zod-to-openapi v9 reads; extendZodWithOpenApi is not needed, so the schemas the handlers
// parse with stay plain zod objects.

/** ApiErrorSchema: the body of every /api/v1 failure (lib/api.ts apiError). */
const ApiErrorSchema = z
  .object({
    error: z.string().meta({
      description: "NOT_FOUND, UNAUTHENTICATED, FORBIDDEN, INVALID_INPUT, CONFLICT, RATE_LIMITED or INTERNAL",
    }),
    message: z.string(),
    fields: z
      .record(z.string(), z.array(z.string()))
      .optional()
      .meta({ description: "Problems per field (INVALID_INPUT)" }),
  })
  .meta({ id: "Error" });

/** errorResponses: the usual failure answers of an endpoint, by status code. */
export function errorResponses(...codes: (400 | 401 | 403 | 404 | 409 | 429)[]) {
  const descriptions = {
    400: "Invalid input",
    401: "Bad or revoked token",
    403: "Not allowed (or a cross-site request with the session cookie)",
    404: "Not found, or not visible to the caller",
    409: "Conflict (e.g. the slug is taken)",
    429: "Rate limited (120 requests a minute)",
  };
  return Object.fromEntries(
    codes.map((code) => [
      code,
      { description: descriptions[code], content: { "application/json": { schema: ApiErrorSchema } } },
    ]),
  );
}

/** createRegistry: a registry with the bearer scheme (personal API tokens, `trb_…`). */
export function createRegistry(): OpenAPIRegistry {
  const registry = new OpenAPIRegistry();
  registry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "A personal API token (Settings → API tokens); it acts as its owner.",
  });
  return registry;
}

/** Operations that accept a token; without one they answer as for an anonymous reader. */
export const optionalBearer: Record<string, string[]>[] = [{ bearer: [] }, {}];
/** Operations that need a token (or the session cookie from the app's own pages). */
export const requiredBearer: Record<string, string[]>[] = [{ bearer: [] }];
