// The export format against the data model (issue 14, item 5): every column of every table is
// either in its section's record or left out on purpose, and every table is either exported or
// listed as never exported, with the reason. A new column or table fails here until someone
// decides where it goes (docs/export-format.md, "Adding a section").
import assert from "node:assert/strict";
import { test } from "node:test";
import { RECORD_SCHEMAS, SECTION_ORDER, type SectionName } from "@/lib/export/schema";
// eslint-disable-next-line no-restricted-imports -- the data model's column lists only; no client is created
import { Prisma } from "@/lib/generated/sqlite/client";

type Enum = Record<string, string>;
const columns = (fields: Enum, without: string[] = []) => Object.keys(fields).filter((f) => !without.includes(f));

/** Each section: the table behind it, the columns left out (and why), the nested arrays it adds. */
const SECTIONS: Record<SectionName, { fields: Enum; without?: string[]; nested?: Record<string, string[]> }> = {
  settings: { fields: Prisma.SettingScalarFieldEnum },
  people: {
    fields: Prisma.UserScalarFieldEnum,
    without: ["passwordHash", "sessionVersion"], // secrets: never leave
    nested: {
      links: columns(Prisma.UserLinkScalarFieldEnum, ["userId"]),
      notificationPreferences: columns(Prisma.NotificationPreferenceScalarFieldEnum, ["userId"]),
    },
  },
  blogs: {
    fields: Prisma.BlogScalarFieldEnum,
    nested: {
      members: columns(Prisma.MembershipScalarFieldEnum, ["blogId"]),
      aliases: columns(Prisma.BlogSlugAliasScalarFieldEnum, ["blogId"]),
    },
  },
  tags: { fields: Prisma.TagScalarFieldEnum },
  posts: {
    fields: Prisma.PostScalarFieldEnum,
    nested: { tagIds: [], aliases: columns(Prisma.PostSlugAliasScalarFieldEnum, ["blogId", "postId"]) },
  },
  legacyAddresses: { fields: Prisma.LegacyAddressScalarFieldEnum, without: ["runId"] }, // the run stays behind
  postRevisions: { fields: Prisma.PostRevisionScalarFieldEnum },
  comments: { fields: Prisma.CommentScalarFieldEnum },
  commentRevisions: { fields: Prisma.CommentRevisionScalarFieldEnum },
  reactions: { fields: Prisma.ReactionScalarFieldEnum },
  mentions: { fields: Prisma.MentionScalarFieldEnum },
  follows: { fields: Prisma.FollowScalarFieldEnum },
  links: { fields: Prisma.LinkScalarFieldEnum },
  webmentions: { fields: Prisma.WebmentionScalarFieldEnum },
  sanctions: { fields: Prisma.SanctionScalarFieldEnum },
  reports: { fields: Prisma.ReportScalarFieldEnum },
  auditLog: { fields: Prisma.AuditEntryScalarFieldEnum },
};

/** Tables that are in the export inside another section's records. */
const NESTED = ["UserLink", "NotificationPreference", "Membership", "BlogSlugAlias", "PostSlugAlias", "PostTag"];

/** Tables never exported, and why (docs/export-format.md, "What is never exported"). */
const NEVER = {
  Account: "OAuth links and their tokens",
  Session: "sessions",
  VerificationToken: "one-time tokens",
  AuthToken: "one-time tokens (hashes)",
  ApiToken: "API tokens (hashes)",
  Notification: "each person's inbox",
  WebmentionSend: "outgoing attempts, operational",
  Job: "background jobs, operational",
  ImportRun: "an importer's runs and reports, operational",
  ImportStaged: "what a running import will reveal, operational",
};

const TABLE_OF: Record<SectionName, string> = {
  settings: "Setting",
  people: "User",
  blogs: "Blog",
  tags: "Tag",
  posts: "Post",
  legacyAddresses: "LegacyAddress",
  postRevisions: "PostRevision",
  comments: "Comment",
  commentRevisions: "CommentRevision",
  reactions: "Reaction",
  mentions: "Mention",
  follows: "Follow",
  links: "Link",
  webmentions: "Webmention",
  sanctions: "Sanction",
  reports: "Report",
  auditLog: "AuditEntry",
};

test("export schema: each record has exactly its table's columns (less the secrets) and its nested lists", () => {
  for (const name of SECTION_ORDER) {
    const { fields, without = [], nested = {} } = SECTIONS[name];
    const shape = RECORD_SCHEMAS[name].shape as Record<string, { unwrap?: () => unknown; element?: unknown }>;
    assert.deepEqual(
      Object.keys(shape).sort(),
      [...columns(fields, without), ...Object.keys(nested)].sort(),
      `section ${name}`,
    );
    for (const [key, expected] of Object.entries(nested)) {
      const element = (shape[key] as unknown as { element: { shape?: object } }).element;
      if (element.shape) assert.deepEqual(Object.keys(element.shape).sort(), [...expected].sort(), `${name}.${key}`);
    }
  }
});

test("export schema: every table is exported, nested in a record, or never exported with a reason", () => {
  const covered = [...Object.values(TABLE_OF), ...NESTED, ...Object.keys(NEVER)].sort();
  assert.deepEqual(covered, Object.values(Prisma.ModelName as Enum).sort());
});
