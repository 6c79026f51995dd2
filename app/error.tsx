"use client";

import styles from "@/components/layout/message-page.module.css";

// An error boundary is a client component; its few words come from this small table rather
// than the i18n runtime, which the reading pages do not ship.
const TEXT = {
  fr: {
    title: "Un problème est survenu",
    body: "La page n’a pas pu s’afficher. Réessayez dans un instant.",
    retry: "Réessayer",
  },
  en: {
    title: "Something went wrong",
    body: "The page could not be shown. Try again in a moment.",
    retry: "Try again",
  },
};

// Production error pages show no stack trace: Next passes only a digest to the client.
export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = typeof document !== "undefined" && document.documentElement.lang === "en" ? TEXT.en : TEXT.fr;
  return (
    <div className={styles.page}>
      <h1>{t.title}</h1>
      <p>{t.body}</p>
      <button type="button" className="button" onClick={reset}>
        {t.retry}
      </button>
    </div>
  );
}
