// Transactional mail in French and English. Pure: every function returns { subject, text, html }.
// The plain text puts the link alone on its own line so people (and tests) can copy it; the
// HTML escapes every interpolated value. French follows Quebec usage: « » and a no-break space
// before the colon, a narrow no-break space before ; ! ?, and the typographic apostrophe.
import type { Locale } from "@/lib/i18n";

export type MailContent = { subject: string; text: string; html: string };

export type RenderMailInput = {
  locale: Locale;
  subject: string;
  /** Paragraphs before the link, plain text (escaped for the HTML version). */
  intro: string[];
  /** Label of the button in the HTML version. */
  action: string;
  url: string;
  /** Paragraphs after the link. */
  outro: string[];
};

const NBSP = "\u00a0";
const NNBSP = "\u202f";
const SIGNATURE = "— Tribune";

export function escapeHtml(value: string): string {
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
export function formatValidity(locale: Locale, minutes: number): string {
  const inHours = minutes >= 60 && minutes % 60 === 0;
  const duration = new Intl.NumberFormat(locale, {
    style: "unit",
    unit: inHours ? "hour" : "minute",
    unitDisplay: "long",
  }).format(inHours ? minutes / 60 : minutes);
  return locale === "fr" ? `Ce lien est valide pendant ${duration}.` : `This link is valid for ${duration}.`;
}

function greeting(locale: Locale, name: string | null | undefined): string {
  const trimmed = name?.trim();
  if (locale === "fr") return trimmed ? `Bonjour ${trimmed},` : "Bonjour,";
  return trimmed ? `Hello ${trimmed},` : "Hello,";
}

const quote = (locale: Locale, value: string) => (locale === "fr" ? `«${NBSP}${value}${NBSP}»` : `“${value}”`);

/** renderMail: the shared layout; plain text with the raw link on its own line, and escaped HTML. */
export function renderMail({ locale, subject, intro, action, url, outro }: RenderMailInput): MailContent {
  assertHttpUrl(url);
  const text = [...intro, url, ...outro, SIGNATURE].join("\n\n") + "\n";
  const paragraph = (p: string) => `<p style="margin:0 0 16px">${escapeHtml(p)}</p>`;
  const href = escapeHtml(url);
  const fallback =
    locale === "fr"
      ? `Si le bouton ne fonctionne pas, copiez ce lien${NBSP}:`
      : "If the button does not work, copy this link:";
  const html = `<!doctype html>
<html lang="${locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>${escapeHtml(subject)}</title></head>
<body style="margin:0;padding:24px;background:#f6f5f2;font-family:system-ui,-apple-system,'Segoe UI',sans-serif;color:#1f1f1f;line-height:1.5">
<div style="max-width:520px;margin:0 auto;background:#fff;border-radius:8px;padding:24px">
${intro.map(paragraph).join("\n")}
<p style="margin:24px 0"><a href="${href}" style="display:inline-block;background:#1f1f1f;color:#fff;text-decoration:none;padding:10px 18px;border-radius:6px">${escapeHtml(action)}</a></p>
<p style="margin:0 0 16px;font-size:14px;color:#555">${escapeHtml(fallback)}<br><a href="${href}" style="color:#555;word-break:break-all">${href}</a></p>
${outro.map(paragraph).join("\n")}
<p style="margin:0;color:#555">${escapeHtml(SIGNATURE)}</p>
</div>
</body>
</html>
`;
  return { subject, text, html };
}

type LinkMailInput = { locale: Locale; url: string; expiresInMinutes: number };

/** verifyEmailMail: asks a new account to confirm its address. */
export function verifyEmailMail(input: LinkMailInput & { name?: string | null }): MailContent {
  const { locale, name, url, expiresInMinutes } = input;
  const validity = formatValidity(locale, expiresInMinutes);
  if (locale === "fr")
    return renderMail({
      locale,
      url,
      subject: "Confirmez votre adresse courriel",
      intro: [
        greeting(locale, name),
        `Bienvenue sur Tribune${NNBSP}! Pour activer votre compte, confirmez votre adresse courriel${NBSP}:`,
      ],
      action: "Confirmer mon adresse",
      outro: [validity, "Si vous n’avez pas créé de compte sur Tribune, ignorez simplement ce message."],
    });
  return renderMail({
    locale,
    url,
    subject: "Confirm your email address",
    intro: [greeting(locale, name), "Welcome to Tribune! To activate your account, confirm your email address:"],
    action: "Confirm my address",
    outro: [validity, "If you did not create a Tribune account, simply ignore this message."],
  });
}

/** magicLinkMail: a sign-in link for the given host. */
export function magicLinkMail(input: LinkMailInput & { host: string }): MailContent {
  const { locale, url, host, expiresInMinutes } = input;
  const validity = formatValidity(locale, expiresInMinutes);
  if (locale === "fr")
    return renderMail({
      locale,
      url,
      subject: `Votre lien de connexion à ${host}`,
      intro: ["Bonjour,", `Voici votre lien pour vous connecter à ${host}${NBSP}:`],
      action: "Me connecter",
      outro: [
        validity,
        "Si vous n’avez pas demandé ce lien, ignorez ce message. Personne ne peut se connecter sans lui.",
      ],
    });
  return renderMail({
    locale,
    url,
    subject: `Your sign-in link for ${host}`,
    intro: ["Hello,", `Here is your link to sign in to ${host}:`],
    action: "Sign in",
    outro: [validity, "If you did not ask for this link, ignore this message. Nobody can sign in without it."],
  });
}

/** resetPasswordMail: a link to choose a new password. */
export function resetPasswordMail(input: LinkMailInput & { name?: string | null }): MailContent {
  const { locale, name, url, expiresInMinutes } = input;
  const validity = formatValidity(locale, expiresInMinutes);
  if (locale === "fr")
    return renderMail({
      locale,
      url,
      subject: "Réinitialisez votre mot de passe",
      intro: [
        greeting(locale, name),
        `Quelqu’un (probablement vous) a demandé à réinitialiser le mot de passe de votre compte Tribune. Choisissez-en un nouveau ici${NBSP}:`,
      ],
      action: "Choisir un mot de passe",
      outro: [validity, `Si ce n’est pas vous, ignorez ce message${NBSP}: votre mot de passe ne change pas.`],
    });
  return renderMail({
    locale,
    url,
    subject: "Reset your password",
    intro: [
      greeting(locale, name),
      "Someone (probably you) asked to reset the password of your Tribune account. Choose a new one here:",
    ],
    action: "Choose a password",
    outro: [validity, "If it was not you, ignore this message: your password stays the same."],
  });
}

/** changeEmailMail: sent to the new address; the change happens only once the link is opened. */
export function changeEmailMail(input: LinkMailInput & { name?: string | null; newEmail: string }): MailContent {
  const { locale, name, url, newEmail, expiresInMinutes } = input;
  const validity = formatValidity(locale, expiresInMinutes);
  if (locale === "fr")
    return renderMail({
      locale,
      url,
      subject: "Confirmez votre nouvelle adresse courriel",
      intro: [
        greeting(locale, name),
        `Pour utiliser ${quote(locale, newEmail)} avec votre compte Tribune, confirmez cette adresse${NBSP}:`,
      ],
      action: "Confirmer la nouvelle adresse",
      outro: [
        validity,
        "D’ici là, votre ancienne adresse reste en place. Si vous n’avez rien demandé, ignorez ce message.",
      ],
    });
  return renderMail({
    locale,
    url,
    subject: "Confirm your new email address",
    intro: [
      greeting(locale, name),
      `To use ${quote(locale, newEmail)} with your Tribune account, confirm this address:`,
    ],
    action: "Confirm the new address",
    outro: [validity, "Until then, your old address stays in place. If you did not ask for this, ignore this message."],
  });
}

/** setupLinkMail: the first sign-in link of an administrator created from the command line. */
export function setupLinkMail(input: LinkMailInput): MailContent {
  const { locale, url, expiresInMinutes } = input;
  const validity = formatValidity(locale, expiresInMinutes);
  if (locale === "fr")
    return renderMail({
      locale,
      url,
      subject: "Votre compte administrateur Tribune est prêt",
      intro: [
        "Bonjour,",
        `Un compte administrateur Tribune vient d’être créé pour vous. Ouvrez ce lien pour vous connecter et terminer sa configuration${NBSP}:`,
      ],
      action: "Me connecter",
      outro: [
        validity,
        "Si vous ne vous attendiez pas à ce message, ignorez-le et prévenez l’équipe de votre instance.",
      ],
    });
  return renderMail({
    locale,
    url,
    subject: "Your Tribune administrator account is ready",
    intro: [
      "Hello,",
      "A Tribune administrator account was just created for you. Open this link to sign in and finish setting it up:",
    ],
    action: "Sign in",
    outro: [validity, "If you did not expect this message, ignore it and tell the people who run your instance."],
  });
}
