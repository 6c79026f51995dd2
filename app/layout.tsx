import type { Metadata, Viewport } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { DemoBanner } from "@/components/layout/demo-banner";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { getTheme } from "@/lib/theme";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("site");
  return { title: { default: t("name"), template: `%s · ${t("name")}` }, description: t("tagline") };
}

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#fbfaf7" },
    { media: "(prefers-color-scheme: dark)", color: "#151418" },
  ],
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  const [locale, t, theme] = await Promise.all([getLocale(), getTranslations("site"), getTheme()]);
  return (
    <html lang={locale} data-theme={theme === "system" ? undefined : theme}>
      <body>
        <a className="skip-link" href="#main">
          {t("skipToContent")}
        </a>
        <DemoBanner />
        <SiteHeader />
        <main id="main" className="container">
          {children}
        </main>
        <SiteFooter />
      </body>
    </html>
  );
}
