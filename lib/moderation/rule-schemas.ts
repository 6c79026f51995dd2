import { z } from "zod";
import { WORD_LIST_MAX_CHARS, WORD_LIST_MAX_ENTRIES, parseWordList } from "./words";

// A blog's discussion rules (issue 11, item 5) as its settings form and the API give them.
// The form sends strings ("on" for a ticked box, "" for an empty number); the API sends JSON.

export const LINK_LIMIT_MAX = 100;
export const CLOSE_AFTER_DAYS_MAX = 3650;
export const REPORT_THRESHOLD_MIN = 1;
export const REPORT_THRESHOLD_MAX = 50;
export const COMMENTS_PER_PAGE_MIN = 5;
export const COMMENTS_PER_PAGE_MAX = 500;

export type BlogRules = {
  holdUntilApproved: boolean;
  /** Hold a comment with more than this many links (null: no limit). */
  holdLinkLimit: number | null;
  /** One word or phrase per line. */
  holdWords: string;
  rejectWords: string;
  /** Close discussions this many days after publication (null: never). */
  closeAfterDays: number | null;
  reportThreshold: number;
  spamCheck: boolean;
  /** Top-level threads per page of an article's discussion. */
  commentsPerPage: number;
};

/**
 * WordListSchema: one word or phrase per line; stored trimmed, without blank or repeated lines.
 * At most WORD_LIST_MAX_ENTRIES entries of WORD_LIST_MAX_CHARS characters each.
 */
const WordListSchema = z
  .string()
  .max(WORD_LIST_MAX_ENTRIES * (WORD_LIST_MAX_CHARS + 2) * 2, "validation.ruleWordsTooMany")
  .transform((text) => parseWordList(text.normalize("NFC")))
  .superRefine((entries, ctx) => {
    if (entries.length > WORD_LIST_MAX_ENTRIES)
      ctx.addIssue({ code: "custom", message: "validation.ruleWordsTooMany" });
    if (entries.some((entry) => entry.length > WORD_LIST_MAX_CHARS))
      ctx.addIssue({ code: "custom", message: "validation.ruleWordTooLong" });
  })
  .transform((entries) => entries.join("\n"));

const whole = (min: number, max: number, message: string) =>
  z.number({ error: message }).int(message).min(min, message).max(max, message);

/** A form number: "" (or nothing) is null; anything else must be a whole number in range. */
const formCount = (min: number, max: number, message: string) =>
  z.preprocess(
    (value) => {
      if (value === undefined || value === null) return null;
      if (typeof value !== "string") return value;
      const text = value.trim();
      return text === "" ? null : /^-?\d+$/.test(text) ? Number(text) : Number.NaN;
    },
    whole(min, max, message).nullable(),
  );

/** A checkbox the form sends as a hidden "off" followed, when ticked, by "on" (the last one counts). */
const FormCheckbox = z.preprocess((value) => value === true || value === "on" || value === "true", z.boolean());

/**
 * RuleFormFields: the rules' fields of the blog settings form (merged into
 * UpdateBlogSettingsSchema). Each is optional: a field the input does not carry keeps its value
 * (so callers that only change the identity leave the rules alone); an empty number clears it.
 */
export const RuleFormFields = {
  holdUntilApproved: FormCheckbox.optional(),
  holdLinkLimit: formCount(0, LINK_LIMIT_MAX, "validation.ruleLinkLimit").optional(),
  holdWords: WordListSchema.optional(),
  rejectWords: WordListSchema.optional(),
  closeAfterDays: formCount(1, CLOSE_AFTER_DAYS_MAX, "validation.ruleCloseAfterDays").optional(),
  reportThreshold: formCount(REPORT_THRESHOLD_MIN, REPORT_THRESHOLD_MAX, "validation.ruleReportThreshold")
    .pipe(z.number({ error: "validation.ruleReportThreshold" }))
    .optional(),
  spamCheck: FormCheckbox.optional(),
  commentsPerPage: formCount(COMMENTS_PER_PAGE_MIN, COMMENTS_PER_PAGE_MAX, "validation.ruleCommentsPerPage")
    .pipe(z.number({ error: "validation.ruleCommentsPerPage" }))
    .optional(),
};

/** BlogRulesFormSchema: the rules alone, as the form sends them. */
export const BlogRulesFormSchema = z.object(RuleFormFields);
export type BlogRulesFormInput = {
  holdUntilApproved?: boolean | string;
  holdLinkLimit?: number | string | null;
  holdWords?: string;
  rejectWords?: string;
  closeAfterDays?: number | string | null;
  reportThreshold?: number | string;
  spamCheck?: boolean | string;
  commentsPerPage?: number | string;
};

/** BlogRulesPatchSchema: a change of some rules through the API (JSON; unknown keys refused). */
export const BlogRulesPatchSchema = z
  .object({
    holdUntilApproved: z.boolean(),
    holdLinkLimit: whole(0, LINK_LIMIT_MAX, "validation.ruleLinkLimit").nullable(),
    holdWords: WordListSchema,
    rejectWords: WordListSchema,
    closeAfterDays: whole(1, CLOSE_AFTER_DAYS_MAX, "validation.ruleCloseAfterDays").nullable(),
    reportThreshold: whole(REPORT_THRESHOLD_MIN, REPORT_THRESHOLD_MAX, "validation.ruleReportThreshold"),
    spamCheck: z.boolean(),
    commentsPerPage: whole(COMMENTS_PER_PAGE_MIN, COMMENTS_PER_PAGE_MAX, "validation.ruleCommentsPerPage"),
  })
  .partial()
  .strict();
export type BlogRulesPatch = Partial<BlogRules>;
