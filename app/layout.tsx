import type { Metadata, Viewport } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { DemoBanner } from "@/components/layout/demo-banner";
import { SiteFooter } from "@/components/layout/site-footer";
import { SiteHeader } from "@/components/layout/site-header";
import { LAYER_ELEMENT_ID } from "@/components/personal/layer-id";
import { getAudience } from "@/lib/auth/audience";
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
  const [locale, t, theme, audience] = await Promise.all([
    getLocale(),
    getTranslations("site"),
    getTheme(),
    getAudience(),
  ]);
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
        {audience.kind === "member-shell" ? (
          // The member shell's slot for the reader's personal layer (lib/personal), filled by the server on the way out.
          <script
            id={LAYER_ELEMENT_ID}
            type="application/json"
            suppressHydrationWarning
            dangerouslySetInnerHTML={{ __html: "" }}
          />
        ) : null}
      </body>
    </html>
  );
}
