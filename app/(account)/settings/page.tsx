import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { EmailForm, PasswordForm } from "@/components/account/credentials-forms";
import { DangerZone } from "@/components/account/danger-zone";
import { PreferencesForm } from "@/components/account/preferences-form";
import { ProfileForm } from "@/components/account/profile-form";
import { TokensSection } from "@/components/account/tokens-section";
import { listApiTokens, requireViewer } from "@/lib/auth";
import { getPreferences } from "@/lib/notifications";
import { getEditableProfile } from "@/lib/users";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("settings"))("title") };
}

export default async function SettingsPage() {
  const viewer = await requireViewer("/settings");
  const [t, profile, preferences, tokens] = await Promise.all([
    getTranslations("settings"),
    getEditableProfile(viewer.id),
    getPreferences(viewer.id),
    listApiTokens(viewer.id),
  ]);
  return (
    <div className="narrow stack-lg">
      <h1>{t("title")}</h1>
      <ProfileForm handle={profile.handle} name={profile.name} bio={profile.bio} links={profile.links} />
      <EmailForm email={profile.email} pendingEmail={profile.pendingEmail} />
      <PasswordForm hasPassword={profile.hasPassword} />
      <PreferencesForm preferences={preferences} />
      <TokensSection tokens={tokens} />
      <DangerZone handle={profile.handle} />
    </div>
  );
}
