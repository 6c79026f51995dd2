import { OpenApiGeneratorV31 } from "@asteasolutions/zod-to-openapi";
import { apiModules } from "./paths";
import { createRegistry } from "./registry";

/** apiViewer: the caller of an /api/v1 handler (token, session or anonymous), rate limited. */
export { apiViewer } from "./caller";

let cached: ReturnType<OpenApiGeneratorV31["generateDocument"]> | undefined;

/** buildOpenApiDocument: the OpenAPI 3.1 document of /api/v1, generated once per process from the zod schemas. */
export function buildOpenApiDocument() {
  if (cached) return cached;
  const registry = createRegistry();
  for (const register of apiModules) register(registry);
  cached = new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: "3.1.0",
    info: {
      title: "Tribune API",
      version: "1.0.0",
      description:
        "Blogs and posts of this Tribune instance. Send a personal API token as `Authorization: Bearer trb_…`.",
    },
    servers: [{ url: "/api/v1" }],
  });
  return cached;
}
