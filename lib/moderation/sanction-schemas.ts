import { z } from "zod";

// The boundary of sanctions (issue 11, item 6): forms, server actions and /api/v1 parse with these.

export const SANCTION_KINDS = ["warning", "suspension", "ban"] as const;
export type SanctionKind = (typeof SANCTION_KINDS)[number];

/** The suspension lengths the forms offer (the API accepts any duration between the bounds). */
export const SUSPENSION_PRESETS = ["1h", "1d", "3d", "7d", "30d", "90d", "365d"] as const;

const HOUR = 3_600_000;
export const MIN_SUSPENSION_MS = HOUR;
export const MAX_SUSPENSION_MS = 365 * 24 * HOUR;

/** SanctionReasonSchema: every sanction and lift says why (1–500 characters), shown to the person. */
const SanctionReasonSchema = z
  .string({ error: "sanctions.reasonRequired" })
  .trim()
  .min(1, "sanctions.reasonRequired")
  .max(500, "sanctions.reasonTooLong");

/** DurationSchema: "36h", "3d", "2w" (hours, days, weeks), 1 hour to 1 year; in milliseconds. */
const DurationSchema = z
  .string()
  .trim()
  .regex(/^\d{1,4}[hdw]$/, "sanctions.durationInvalid")
  .transform((text) => Number(text.slice(0, -1)) * { h: HOUR, d: 24 * HOUR, w: 7 * 24 * HOUR }[text.at(-1) as "h"])
  .refine((ms) => ms >= MIN_SUSPENSION_MS && ms <= MAX_SUSPENSION_MS, "sanctions.durationBounds");

const IdSchema = z.string().trim().min(1).max(64);

/** SanctionInputSchema: one sanction; a suspension needs a duration (or an end date), nothing else takes one. */
export const SanctionInputSchema = z
  .object({
    userId: IdSchema,
    /** null: instance-wide (admins only). */
    blogId: IdSchema.nullable(),
    kind: z.enum(SANCTION_KINDS),
    reason: SanctionReasonSchema,
    duration: DurationSchema.optional(),
    until: z.coerce.date().optional(),
  })
  .refine((input) => input.kind !== "suspension" || input.duration !== undefined || input.until !== undefined, {
    message: "sanctions.durationRequired",
    path: ["duration"],
  });
export type SanctionInput = z.input<typeof SanctionInputSchema>;

/** LiftInputSchema: lifting a sanction also says why. */
export const LiftInputSchema = z.object({ sanctionId: IdSchema, reason: SanctionReasonSchema });

/** ApiSanctionBodySchema: POST /api/v1/sanctions (a person by handle or id, a blog by slug or null). */
export const ApiSanctionBodySchema = z
  .object({
    handle: z.string().trim().min(1).max(40).optional(),
    userId: IdSchema.optional(),
    blog: z.string().trim().min(1).max(64).nullable(),
    kind: z.enum(SANCTION_KINDS),
    reason: SanctionReasonSchema,
    duration: z.string().max(8).optional(),
    until: z.string().max(40).optional(),
  })
  .refine((body) => Boolean(body.handle) !== Boolean(body.userId), {
    message: "sanctions.personRequired",
    path: ["handle"],
  })
  .meta({ id: "CreateSanction" });

/** ApiLiftBodySchema: DELETE /api/v1/sanctions/{id}. */
export const ApiLiftBodySchema = z.object({ reason: SanctionReasonSchema }).meta({ id: "LiftSanction" });
