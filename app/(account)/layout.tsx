import { NextIntlClientProvider } from "next-intl";
import type { ReactNode } from "react";

// Forms here are client components that translate their own messages; reading pages
// translate on the server and ship no i18n runtime (the article's JavaScript budget).
export default function Layout({ children }: { children: ReactNode }) {
  return <NextIntlClientProvider>{children}</NextIntlClientProvider>;
}
