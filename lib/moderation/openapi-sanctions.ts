import type { OpenAPIRegistry } from "@asteasolutions/zod-to-openapi";
import { z } from "zod";
import { errorResponses, requiredBearer } from "@/lib/openapi/registry";
import { ApiLiftBodySchema, ApiSanctionBodySchema, SANCTION_KINDS } from "./sanction-schemas";

const json = <T extends z.ZodType>(schema: T) => ({ "application/json": { schema } });

const CreatedSanction = z
  .object({ id: z.string(), kind: z.enum(SANCTION_KINDS), endsAt: z.string().nullable() })
  .meta({ id: "CreatedSanction" });
const Sanction = z
  .object({
    id: z.string(),
    kind: z.enum(SANCTION_KINDS),
    blog: z.object({ slug: z.string(), name: z.string() }).nullable().meta({ description: "null: instance-wide" }),
    reason: z.string(),
    createdAt: z.string(),
    endsAt: z.string().nullable(),
    liftedAt: z.string().nullable(),
    createdBy: z.string().nullable(),
    liftedBy: z.string().nullable(),
    inForce: z.boolean(),
  })
  .meta({ id: "Sanction" });
const SanctionList = z
  .object({ user: z.object({ handle: z.string(), name: z.string() }), sanctions: z.array(Sanction) })
  .meta({ id: "SanctionList" });
const AuditEntry = z
  .object({
    id: z.string(),
    createdAt: z.string(),
    actorId: z.string().nullable(),
    actorName: z.string().nullable().meta({ description: "As recorded at the time" }),
    blogId: z.string().nullable(),
    blogName: z.string().nullable(),
    action: z.string().meta({ description: "e.g. sanction.ban, comment.remove, blog.settings" }),
    subjectType: z.string(),
    subjectId: z.string(),
    subjectName: z.string().nullable(),
    reason: z.string().nullable(),
    before: z.record(z.string(), z.unknown()).nullable(),
    after: z.record(z.string(), z.unknown()).nullable(),
  })
  .meta({ id: "AuditEntry" });
const AuditPage = z
  .object({ entries: z.array(AuditEntry), nextCursor: z.string().nullable() })
  .meta({ id: "AuditLogPage" });
const LogQuery = z.object({
  blog: z.string().optional().meta({ description: "A blog's slug: that blog's log; without: the instance's (admins)" }),
  format: z.enum(["json", "csv"]).optional(),
  action: z.string().optional().meta({ description: "A kind (sanction) or an exact action (sanction.ban)" }),
  actor: z.string().optional().meta({ description: "A handle or a name as recorded" }),
  subject: z.string().optional().meta({ description: "A handle, a name as recorded, or an id" }),
  from: z.string().optional().meta({ description: "YYYY-MM-DD (UTC), inclusive" }),
  to: z.string().optional().meta({ description: "YYYY-MM-DD (UTC), inclusive" }),
  cursor: z.string().optional().meta({ description: "nextCursor of the previous page" }),
});

/** registerSanctionPaths: sanctions and the audit log in /api/v1 (issue 11, items 6–8). */
export function registerSanctionPaths(registry: OpenAPIRegistry): void {
  const tags = ["moderation"];
  registry.registerPath({
    method: "post",
    path: "/sanctions",
    summary: "Warn, suspend or ban a person",
    description:
      'On a blog (its owners sanction anyone but owners, its moderators readers and authors) or, with blog null, on the whole instance (admins). A suspension needs a duration ("12h", "3d", "2w"; 1 hour to 1 year). The person is notified with the reason; the act is in the audit log.',
    tags,
    security: requiredBearer,
    request: { body: { required: true, content: json(ApiSanctionBodySchema) } },
    responses: {
      201: { description: "Sanctioned", content: json(CreatedSanction) },
      ...errorResponses(400, 401, 403, 404, 409, 429),
    },
  });
  registry.registerPath({
    method: "delete",
    path: "/sanctions/{id}",
    summary: "Lift a suspension or ban",
    tags,
    security: requiredBearer,
    request: {
      params: z.object({ id: z.string().meta({ description: "Sanction id" }) }),
      body: { required: true, content: json(ApiLiftBodySchema) },
    },
    responses: {
      200: {
        description: "Lifted",
        content: json(z.object({ id: z.string(), liftedAt: z.string() }).meta({ id: "LiftedSanction" })),
      },
      ...errorResponses(400, 401, 403, 404, 409, 429),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/users/{handle}/sanctions",
    summary: "A person's sanctions (staff)",
    description: "Those on the blogs the caller moderates and the instance-wide ones; every one for admins.",
    tags,
    security: requiredBearer,
    request: { params: z.object({ handle: z.string() }) },
    responses: {
      200: { description: "The sanctions, newest first", content: json(SanctionList) },
      ...errorResponses(401, 403, 404, 429),
    },
  });
  registry.registerPath({
    method: "get",
    path: "/moderation/log",
    summary: "The audit log",
    description:
      "Every moderation act, sanction, blog settings and membership change, newest first, 50 a page. CSV with format=csv (same filters; cells starting with = + - @ are prefixed with ').",
    tags,
    security: requiredBearer,
    request: { query: LogQuery },
    responses: {
      200: {
        description: "A page of entries (or the CSV file)",
        content: { ...json(AuditPage), "text/csv": { schema: z.string() } },
      },
      ...errorResponses(400, 401, 403, 404, 429),
    },
  });
}
