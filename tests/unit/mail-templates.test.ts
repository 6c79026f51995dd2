import assert from "node:assert/strict";
import { test } from "node:test";
import {
  changeEmailMail,
  magicLinkMail,
  resetPasswordMail,
  setupLinkMail,
  verifyEmailMail,
  type MailContent,
} from "@/lib/mail";
import { commentNotificationMail } from "@/lib/notifications/mail";

const url = "https://tribune.example/auth/verify?token=abc123&email=jos%C3%A9e%40example.com";
const evil = '<script>alert("x")</script>';
const templates: Record<string, (locale: "fr" | "en") => MailContent> = {
  verifyEmail: (locale) => verifyEmailMail({ locale, name: evil, url, expiresInMinutes: 1440 }),
  magicLink: (locale) => magicLinkMail({ locale, url, host: evil, expiresInMinutes: 10 }),
  resetPassword: (locale) => resetPasswordMail({ locale, name: evil, url, expiresInMinutes: 60 }),
  changeEmail: (locale) => changeEmailMail({ locale, name: evil, url, newEmail: evil, expiresInMinutes: 60 }),
  setupLink: (locale) => setupLinkMail({ locale, url, expiresInMinutes: 2880 }),
};

for (const [name, render] of Object.entries(templates)) {
  test(`mail templates: ${name} in French and English`, () => {
    const fr = render("fr");
    const en = render("en");
    for (const mail of [fr, en]) {
      assert.ok(mail.subject.trim().length > 0);
      assert.equal(/^(https?:\/\/\S+)$/m.exec(mail.text)?.[1], url, "the raw link stands alone on a line");
      assert.doesNotMatch(mail.html, /<script/i);
      assert.ok(mail.html.includes(`href="${url.replace(/&/g, "&#38;")}"`), "the link is an escaped href");
      assert.match(mail.text, /\d+\s(minutes?|hours?|heures?)/);
    }
    assert.notEqual(fr.subject, en.subject);
    assert.match(fr.html, /<html lang="fr">/);
    assert.match(en.html, /<html lang="en">/);
  });
}

test("mail templates: names are escaped in HTML and kept raw in text", () => {
  const mail = verifyEmailMail({ locale: "en", name: "Tom & <b>Jerry</b>", url, expiresInMinutes: 60 });
  assert.ok(mail.html.includes("Tom &#38; &#60;b&#62;Jerry&#60;/b&#62;"));
  assert.ok(mail.text.includes("Hello Tom & <b>Jerry</b>,"));
});

test("mail templates: French typography and validity wording", () => {
  const mail = changeEmailMail({ locale: "fr", name: "Josée", url, newEmail: "j@example.com", expiresInMinutes: 1440 });
  assert.ok(mail.text.includes("«\u00a0j@example.com\u00a0»"));
  assert.match(mail.text, /adresse\u00a0:/);
  assert.match(mail.text, /valide pendant 24\sheures\./);
  assert.match(
    magicLinkMail({ locale: "en", url, host: "x.test", expiresInMinutes: 15 }).text,
    /valid for 15 minutes\./,
  );
});

test("mail templates: refuse links that are not http(s)", () => {
  assert.throws(() => magicLinkMail({ locale: "en", url: "javascript:alert(1)", host: "x", expiresInMinutes: 5 }));
  assert.throws(() => magicLinkMail({ locale: "en", url: "/relative", host: "x", expiresInMinutes: 5 }));
});

test("mail templates: every notification kind has its words and an unsubscribe link in both languages", () => {
  const unsubscribeUrl = "https://tribune.example/unsubscribe?token=t&kind=reply";
  for (const locale of ["fr", "en"] as const) {
    for (const kind of ["mention", "reply", "post_comment", "thread_comment", "comment_held", "citation"] as const) {
      const mail = commentNotificationMail({
        locale,
        kind,
        actorName: "Josée",
        postTitle: "Un titre",
        excerpt: "Bonjour",
        url,
        unsubscribeUrl,
      });
      assert.match(mail.subject, /Josée/);
      assert.doesNotMatch(mail.text + mail.html, /mail\.notification/, "no catalogue key shows");
      assert.ok(mail.text.includes(`\n${unsubscribeUrl}\n`), "the unsubscribe address alone on a line");
      const label = locale === "fr" ? "Se désabonner" : "Unsubscribe";
      assert.ok(
        mail.html.includes(`<a href="${unsubscribeUrl.replace(/&/g, "&#38;")}" style="color:#555">${label}</a>`),
      );
    }
  }
  const fr = commentNotificationMail({
    locale: "fr",
    kind: "reply",
    actorName: "Jo",
    postTitle: "T",
    excerpt: "x",
    url,
    unsubscribeUrl,
  });
  assert.equal(fr.subject, "Jo a répondu à votre commentaire sur «\u00a0T\u00a0»");
});
