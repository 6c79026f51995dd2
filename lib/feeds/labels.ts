import { plainMessage } from "@/lib/i18n/plain";
import { env } from "../env.js";

// Feed titles are read outside the interface (in feed readers), in the feed's own language.
// NOTE: these few strings belong in the message catalogues (a "feeds" namespace); kept here
// until that file is open to this module.
const LABELS = {
  fr: {
    tag: (name: string, site: string) => `« ${name} » sur ${site}`,
    tagDescription: (name: string) => `Les articles étiquetés « ${name} »`,
    comments: (title: string) => `Commentaires sur « ${title} »`,
    comment: (author: string) => `Commentaire de ${author}`,
    deletedUser: "Compte supprimé",
  },
  en: {
    tag: (name: string, site: string) => `“${name}” on ${site}`,
    tagDescription: (name: string) => `Articles tagged “${name}”`,
    comments: (title: string) => `Comments on “${title}”`,
    comment: (author: string) => `Comment by ${author}`,
    deletedUser: "Deleted account",
  },
} as const;

export type FeedLanguage = keyof typeof LABELS;

/** feedLanguage: "fr" or "en" for a stored language, else the instance default. */
export function feedLanguage(language?: string | null): FeedLanguage {
  return language === "fr" || language === "en" ? language : env.DEFAULT_LOCALE;
}

/** feedLabels: the strings of feed titles in one language, with the instance's name and tagline. */
export function feedLabels(language: FeedLanguage) {
  return {
    ...LABELS[language],
    site: plainMessage("site.name", language),
    tagline: plainMessage("site.tagline", language),
  };
}
