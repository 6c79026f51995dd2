// One rule decides the interface language (issue 15, item 9): the reader's explicit choice
// (account, then cookie), else the blog's language on its pages, else the browser's, else the
// default; and the page cache keys on the very parse the render uses.
import assert from "node:assert/strict";
import { test } from "node:test";
import { env } from "@/lib/env.js";
import { decideLocale, localeFor, parseLocaleChoice } from "@/lib/i18n/negotiate";
import { variantOf } from "@/lib/page-cache/policy";

const FRENCH_BROWSER = "fr-CA,fr;q=0.9,en;q=0.8";

test("locale rule: a French browser reading an English blog sees English until it chooses", () => {
  assert.equal(localeFor({ acceptLanguage: FRENCH_BROWSER }, { blogLanguage: "en" }), "en");
  assert.equal(localeFor({ acceptLanguage: FRENCH_BROWSER, cookie: "fr" }, { blogLanguage: "en" }), "fr");
  assert.equal(localeFor({ acceptLanguage: "en", cookie: "en" }, { blogLanguage: "fr" }), "en");
});

test("locale rule: outside a blog, the browser decides, then the instance default", () => {
  assert.equal(localeFor({ acceptLanguage: FRENCH_BROWSER }), "fr");
  assert.equal(localeFor({ acceptLanguage: "en-GB" }), "en");
  assert.equal(localeFor({ acceptLanguage: "de-DE" }), env.DEFAULT_LOCALE);
  assert.equal(localeFor({}), env.DEFAULT_LOCALE);
});

test("locale rule: a signed-in reader's account preference is their choice everywhere (over a cookie)", () => {
  assert.deepEqual(parseLocaleChoice({ account: "en", cookie: "fr", acceptLanguage: FRENCH_BROWSER }), {
    chosen: "en",
    browser: "fr",
  });
  assert.equal(localeFor({ account: "en", cookie: "fr" }, { blogLanguage: "fr" }), "en");
  assert.equal(localeFor({ account: null, cookie: "fr" }, { blogLanguage: "en" }), "fr");
});

test("locale rule: mails follow the recipient's choice, else the blog's language, else the page they came from", () => {
  assert.equal(localeFor({ account: "en" }, { blogLanguage: "fr" }), "en");
  assert.equal(localeFor({ account: null }, { blogLanguage: "fr" }), "fr");
  assert.equal(localeFor({ account: null }, { blogLanguage: "en", fallback: "fr" }), "en");
  assert.equal(localeFor({ account: null }, { fallback: "en" }), "en");
});

test("locale rule: unsupported values are no choice", () => {
  assert.deepEqual(parseLocaleChoice({ account: "de", cookie: "EN", acceptLanguage: "de" }), {
    chosen: null,
    browser: null,
  });
  assert.equal(decideLocale({ chosen: null, browser: null }, { blogLanguage: "es" }), env.DEFAULT_LOCALE);
});

test("locale rule: the page cache's variant is the same parsed choice the render decides from", () => {
  const cases: Record<string, string>[] = [
    {},
    { cookie: "tribune_locale=en" },
    { cookie: "tribune_locale=fr", "accept-language": "en" },
    { cookie: "tribune_locale=de", "accept-language": FRENCH_BROWSER },
    { "accept-language": "en-CA,en;q=0.8" },
  ];
  for (const headers of cases) {
    const variant = variantOf({ method: "GET", url: "/open-margins/a", headers }, false);
    const cookie = /tribune_locale=(\w+)/.exec(headers.cookie ?? "")?.[1];
    assert.deepEqual(
      { chosen: variant.locale, browser: variant.browserLocale },
      parseLocaleChoice({ cookie, acceptLanguage: headers["accept-language"] }),
    );
  }
});
