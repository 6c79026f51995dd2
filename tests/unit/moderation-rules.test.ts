// The discussion rules of a blog (issue 11, item 5) as pure functions: word lists, the verdict
// and its order, the settings' bounds. Every rule has a case it holds (or rejects) and one it
// lets through; the database and network sides are tests/integration/moderation-rules.test.ts
// and tests/integration/spam-check.test.ts.
import assert from "node:assert/strict";
import { test } from "node:test";
import {
  BlogRulesFormSchema,
  BlogRulesPatchSchema,
  compileWordList,
  evaluateComment,
  foldText,
  parseHeldBy,
  serializeHeldBy,
  tokenize,
  type EvaluationInput,
} from "@/lib/moderation";

const noRules = { holdUntilApproved: false, holdLinkLimit: null, holdWords: "", rejectWords: "" };
const input = (over: Partial<EvaluationInput> = {}): EvaluationInput => ({
  rules: noRules,
  text: "A perfectly ordinary comment.",
  linkCount: 0,
  isStaff: false,
  honeypot: false,
  spam: "skipped",
  firstComment: false,
  ...over,
});
const withRules = (rules: Partial<EvaluationInput["rules"]>, over: Partial<EvaluationInput> = {}) =>
  evaluateComment(input({ rules: { ...noRules, ...rules }, ...over }));

test("words: folding ignores case and accents (NFD/NFKD, marks stripped), ligatures spelled out", () => {
  assert.equal(foldText("Crétin ÉLÈVE Œuvre Straße ｆｕｌｌ"), "cretin eleve oeuvre strasse full");
  assert.deepEqual(tokenize("L'été, c'est-à-dire: «chaud»!"), ["l", "ete", "c", "est", "a", "dire", "chaud"]);
});

test("words: an entry matches whole words whatever the case or accents", () => {
  const list = compileWordList("cretin\n");
  assert.equal(list.find("Quel Crétin, celui-là"), "cretin");
  assert.equal(list.find("CRÉTIN!"), "cretin");
  assert.equal(compileWordList("Crétin").find("quel cretin"), "Crétin", "accents in the list do not matter either");
  assert.equal(list.find("Des crétins partout"), null, "another word (plural) is not the entry");
});

test("words: a word inside another word is not matched", () => {
  const list = compileWordList("ass");
  assert.equal(list.find("Une classe de passage, assez bien"), null);
  assert.equal(list.find("what an ass."), "ass");
});

test("words: phrases match across spaces and punctuation, not when split by other words", () => {
  const list = compileWordList("buy now\nfree  money ");
  assert.equal(list.find("Please BUY   now!"), "buy now");
  assert.equal(list.find("buy-now, today"), "buy now");
  assert.equal(list.find("Free money for you"), "free money");
  assert.equal(list.find("buy it now"), null);
  assert.equal(list.find("now buy"), null);
});

test("words: blank, repeated and letterless lines are ignored; an empty list matches nothing", () => {
  const list = compileWordList("\n  \nspam\nSPAM\n!!!\n");
  assert.equal(list.size, 1);
  assert.equal(compileWordList("").find("anything at all"), null);
});

test("words: matching stays linear with adversarial lists and texts", () => {
  // 500 phrases (the longest allowed) sharing a 45-word prefix, against a text of that very word repeated.
  const prefix = Array.from({ length: 45 }, () => "a").join(" ");
  const list = compileWordList(Array.from({ length: 500 }, (_, i) => `${prefix} z${i}`).join("\n"));
  assert.equal(list.size, 500);
  const text = "a ".repeat(20_000);
  const started = performance.now();
  assert.equal(list.find(text), null);
  assert.ok(performance.now() - started < 1_000, "well under a second");
});

test("rules: honeypot first: a filled trap is spam, even with a reject word or for staff", () => {
  const verdict = withRules({ rejectWords: "ordinary" }, { honeypot: true, isStaff: true });
  assert.deepEqual(verdict, { verdict: "spam", heldBy: [{ rule: "honeypot", detail: "filled" }] });
  assert.equal(withRules({}, { honeypot: false }).verdict, "publish");
});

test("rules: reject words refuse the comment (before the spam check); staff included", () => {
  assert.deepEqual(withRules({ rejectWords: "cretin" }, { text: "Quel Crétin", spam: "spam" }), {
    verdict: "reject",
    heldBy: [],
    rejectedBy: "cretin",
  });
  assert.equal(withRules({ rejectWords: "cretin" }, { text: "Quel Crétin", isStaff: true }).verdict, "reject");
  assert.equal(withRules({ rejectWords: "cretin" }, { text: "Quelle crétinerie" }).verdict, "publish");
});

test("rules: the spam check: spam is spam, ham passes, no answer holds for moderation", () => {
  assert.deepEqual(withRules({}, { spam: "spam" }), {
    verdict: "spam",
    heldBy: [{ rule: "spam_check", detail: "spam" }],
  });
  assert.deepEqual(withRules({}, { spam: "ham" }), { verdict: "publish", heldBy: [] });
  assert.deepEqual(withRules({}, { spam: "unavailable" }), {
    verdict: "hold",
    heldBy: [{ rule: "spam_check", detail: "unavailable" }],
  });
});

test("rules: first comment holds until one is approved", () => {
  assert.deepEqual(withRules({ holdUntilApproved: true }, { firstComment: true }).heldBy, [
    { rule: "first_comment", detail: "" },
  ]);
  assert.equal(withRules({ holdUntilApproved: true }, { firstComment: false }).verdict, "publish");
  assert.equal(withRules({ holdUntilApproved: false }, { firstComment: true }).verdict, "publish");
});

test("rules: more links than the limit hold; the limit itself passes; no limit never holds", () => {
  assert.deepEqual(withRules({ holdLinkLimit: 2 }, { linkCount: 3 }), {
    verdict: "hold",
    heldBy: [{ rule: "links", detail: "3 > 2" }],
  });
  assert.equal(withRules({ holdLinkLimit: 2 }, { linkCount: 2 }).verdict, "publish");
  assert.equal(withRules({ holdLinkLimit: 0 }, { linkCount: 1 }).verdict, "hold");
  assert.equal(withRules({ holdLinkLimit: null }, { linkCount: 50 }).verdict, "publish");
});

test("rules: hold words hold (case and accents aside), other words pass", () => {
  assert.deepEqual(withRules({ holdWords: "casino en ligne" }, { text: "Le meilleur CASINO en lígne" }).heldBy, [
    { rule: "words", detail: "casino en ligne" },
  ]);
  assert.equal(withRules({ holdWords: "casino en ligne" }, { text: "Le casino de Montréal" }).verdict, "publish");
});

test("rules: every matching hold rule is recorded; staff are exempt from hold rules", () => {
  const rules = { holdUntilApproved: true, holdLinkLimit: 0, holdWords: "promo" };
  const all = { text: "promo", linkCount: 1, firstComment: true, spam: "unavailable" as const };
  assert.deepEqual(
    withRules(rules, all).heldBy.map((hit) => hit.rule),
    ["spam_check", "first_comment", "links", "words"],
  );
  assert.deepEqual(withRules(rules, { ...all, isStaff: true }), { verdict: "publish", heldBy: [] });
});

test("heldBy: stored as JSON, read back; anything unreadable is an empty list", () => {
  const hits = [{ rule: "links" as const, detail: "3 > 2" }];
  assert.equal(serializeHeldBy([]), null);
  assert.deepEqual(parseHeldBy(serializeHeldBy(hits)), hits);
  assert.deepEqual(parseHeldBy("not json"), []);
  assert.deepEqual(parseHeldBy('[{"rule":"nope","detail":""}]'), []);
  assert.deepEqual(parseHeldBy(null), []);
});

test("settings: the form's rules are parsed; empty numbers clear; lists are tidied", () => {
  const parsed = BlogRulesFormSchema.parse({
    holdUntilApproved: "on",
    holdLinkLimit: "",
    holdWords: "  promo \r\n\r\nPromo\nbuy   now\n",
    rejectWords: "",
    closeAfterDays: "30",
    reportThreshold: "3",
    spamCheck: "off",
    commentsPerPage: "25",
  });
  assert.deepEqual(parsed, {
    holdUntilApproved: true,
    holdLinkLimit: null,
    holdWords: "promo\nbuy now",
    rejectWords: "",
    closeAfterDays: 30,
    reportThreshold: 3,
    spamCheck: false,
    commentsPerPage: 25,
  });
  assert.deepEqual(BlogRulesFormSchema.parse({}), {}, "absent fields keep their value");
});

test("settings: bad rules are refused with a message per field", () => {
  const messages = (raw: Record<string, unknown>) =>
    BlogRulesFormSchema.safeParse(raw).error?.issues.map((issue) => `${String(issue.path[0])}: ${issue.message}`);
  assert.deepEqual(messages({ holdLinkLimit: "-1" }), ["holdLinkLimit: validation.ruleLinkLimit"]);
  assert.deepEqual(messages({ holdLinkLimit: "2.5" }), ["holdLinkLimit: validation.ruleLinkLimit"]);
  assert.deepEqual(messages({ holdLinkLimit: "many" }), ["holdLinkLimit: validation.ruleLinkLimit"]);
  assert.deepEqual(messages({ closeAfterDays: "0" }), ["closeAfterDays: validation.ruleCloseAfterDays"]);
  assert.deepEqual(messages({ reportThreshold: "" }), ["reportThreshold: validation.ruleReportThreshold"]);
  assert.deepEqual(messages({ reportThreshold: "51" }), ["reportThreshold: validation.ruleReportThreshold"]);
  assert.deepEqual(messages({ commentsPerPage: "4" }), ["commentsPerPage: validation.ruleCommentsPerPage"]);
  assert.deepEqual(messages({ commentsPerPage: "" }), ["commentsPerPage: validation.ruleCommentsPerPage"]);
  const tooMany = Array.from({ length: 501 }, (_, i) => `word${i}`).join("\n");
  assert.deepEqual(messages({ holdWords: tooMany }), ["holdWords: validation.ruleWordsTooMany"]);
  assert.deepEqual(messages({ rejectWords: "x".repeat(101) }), ["rejectWords: validation.ruleWordTooLong"]);
  assert.equal(
    BlogRulesFormSchema.safeParse({
      holdWords: Array(500)
        .fill("w")
        .map((w, i) => w + i)
        .join("\n"),
    }).success,
    true,
  );
});

test("settings: the API's patch takes JSON types only and refuses unknown keys", () => {
  assert.deepEqual(BlogRulesPatchSchema.parse({ holdLinkLimit: 3, spamCheck: false }), {
    holdLinkLimit: 3,
    spamCheck: false,
  });
  assert.equal(BlogRulesPatchSchema.safeParse({ holdLinkLimit: "3" }).success, false);
  assert.equal(BlogRulesPatchSchema.safeParse({ spamCheck: "on" }).success, false);
  assert.equal(BlogRulesPatchSchema.safeParse({ name: "x" }).success, false);
});

test('settings form: an empty file input (a nameless File, or one named "undefined" through a server action) is no upload', async () => {
  const { UpdateBlogSettingsSchema } = await import("@/lib/blogs/manage-schemas");
  const base = { name: "Le carnet", slug: "carnet", language: "fr", commentPolicy: "open" };
  for (const name of ["", "undefined"]) {
    const parsed = UpdateBlogSettingsSchema.parse({
      ...base,
      logo: new File([], name),
      headerImage: new File([], name),
    });
    assert.equal(parsed.logo, undefined);
    assert.equal(parsed.headerImage, undefined);
  }
  const real = UpdateBlogSettingsSchema.parse({ ...base, logo: new File([new Uint8Array([1])], "logo.png") });
  assert.equal(real.logo?.name, "logo.png");
});
