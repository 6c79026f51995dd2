// Transactional mail in French and English. Pure: every function returns { subject, text, html }.
// Every word comes from the "mail" namespace of the message catalogues (lib/i18n/messages/*/mail.json),
// like the pages' text. The plain text puts the link alone on its own line so people (and tests)
// can copy it; the HTML escapes every interpolated value.
import { translatorFor, type Locale } from "@/lib/i18n";

export type MailContent = { subject: string; text: string; html: string };

/** A paragraph that is a link: its address alone in the text version, `label` as the link in HTML. */
type MailLink = { url: string; label: string };

export type RenderMailInput = {
  locale: Locale;
  subject: string;
  /** Paragraphs before the link, plain text (escaped for the HTML version). */
  intro: string[];
  /** Label of the button in the HTML version. */
  action: string;
  url: string;
  /** Paragraphs after the link. */
  outro: (string | MailLink)[];
};

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

// The link ends up in an href: only absolute http(s) URLs, so a bad caller cannot inject javascript:.
function assertHttpUrl(url: string): void {
  let protocol: string;
  try {
    protocol = new URL(url).protocol;
  } catch {
    throw new Error("Mail link must be an absolute URL.");
  }
  if (protocol !== "https:" && protocol !== "http:") throw new Error("Mail link must use http or https.");
}

/** Sentence saying how long a link stays valid, in whole hours when it is a whole number of hours. */
function formatValidity(locale: Locale, minutes: number): string {
  const inHours = minutes >= 60 && minutes % 60 === 0;
  const duration = new Intl.NumberFormat(locale, {
    style: "unit",
    unit: inHours ? "hour" : "minute",
    unitDisplay: "long",
  }).format(inHours ? minutes / 60 : minutes);
  return translatorFor(locale, "mail")("validity", { duration });
}

/** renderMail: the shared layout; plain text with the raw link on its own line, and escaped HTML. */
export function renderMail({ locale, subject, intro, action, url, outro }: RenderMailInput): MailContent {
  assertHttpUrl(url);
  for (const p of outro) if (typeof p !== "string") assertHttpUrl(p.url);
  const t = translatorFor(locale, "mail");
  const signature = t("signature");
  const asText = (p: string | MailLink) => (typeof p === "string" ? p : p.url);
  const text = [...intro, url, ...outro.map(asText), signature].join("\n\n") + "\n";
  const paragraph = (p: string | MailLink) =>
    typeof p === "string"
      ? `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`
      : `<p style="margin:0 0 16px"><a href="${escapeHtml(p.url)}" style="color:#555">${escapeHtml(p.label)}</a></p>`;
  const href = escapeHtml(url);
  const fallback = t("fallback");
  const html = `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f6f5f2;font-family:system-ui,-apple-system,'Segoe UI',sans-serif;color:#1f1f1f;line-height:1.5">
<div style="max-width:520px;margin:0 auto;background:#fff;border-radius:8px;padding:24px">
${intro.map(paragraph).join("\n")}
<p style="margin:24px 0"><a href="${href}" style="display:inline-block;background:#1f1f1f;color:#fff;text-decoration:none;padding:10px 18px;border-radius:6px">${escapeHtml(action)}</a></p>
<p style="margin:0 0 16px;font-size:14px;color:#555">${escapeHtml(fallback)}<br><a href="${href}" style="color:#555;word-break:break-all">${href}</a></p>
${outro.map(paragraph).join("\n")}
<p style="margin:0;color:#555">${escapeHtml(signature)}</p>
</div>
</body>
</html>
`;
  return { subject, text, html };
}

type LinkMailInput = { locale: Locale; url: string; expiresInMinutes: number };
type LinkMailKind = "verifyEmail" | "magicLink" | "resetPassword" | "changeEmail" | "setupLink";

// Every link mail has one shape: a greeting, the catalogue's intro, the button, how long the
// link stays valid and the catalogue's closing note.
function linkMail(
  kind: LinkMailKind,
  { locale, url, expiresInMinutes }: LinkMailInput,
  name: string | null | undefined,
  values: Record<string, string> = {},
): MailContent {
  const t = translatorFor(locale, "mail");
  const trimmed = name?.trim();
  return renderMail({
    locale,
    url,
    subject: t(`${kind}.subject`, values),
    intro: [trimmed ? t("greeting", { name: trimmed }) : t("greetingAnonymous"), t(`${kind}.intro`, values)],
    action: t(`${kind}.action`, values),
    outro: [formatValidity(locale, expiresInMinutes), t(`${kind}.outro`, values)],
  });
}

/** verifyEmailMail: asks a new account to confirm its address. */
export function verifyEmailMail(input: LinkMailInput & { name?: string | null }): MailContent {
  return linkMail("verifyEmail", input, input.name);
}

/** magicLinkMail: a sign-in link for the given host. */
export function magicLinkMail(input: LinkMailInput & { host: string }): MailContent {
  return linkMail("magicLink", input, null, { host: input.host });
}

/** resetPasswordMail: a link to choose a new password. */
export function resetPasswordMail(input: LinkMailInput & { name?: string | null }): MailContent {
  return linkMail("resetPassword", input, input.name);
}

/** changeEmailMail: sent to the new address; the change happens only once the link is opened. */
export function changeEmailMail(input: LinkMailInput & { name?: string | null; newEmail: string }): MailContent {
  return linkMail("changeEmail", input, input.name, { newEmail: input.newEmail });
}

/** setupLinkMail: the first sign-in link of an administrator created from the command line. */
export function setupLinkMail(input: LinkMailInput): MailContent {
  return linkMail("setupLink", input, null);
}
