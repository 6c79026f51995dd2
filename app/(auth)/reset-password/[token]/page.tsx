import { permanentRedirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { ResetPasswordForm } from "@/components/auth/token-forms";
import { resolveBlogSlug } from "@/lib/blogs";

type Props = { params: Promise<{ token: string }> };

// Reset links carry 32 random bytes in base64url (lib/auth/tokens.ts).
const TOKEN = /^[A-Za-z0-9_-]{43}$/;

export default async function ResetPasswordPage({ params }: Props) {
  const { token } = await params;
  // A blog once had the slug "reset-password" (before it became this route): its article
  // addresses, /reset-password/<article>, lead to the blog's new address.
  if (!TOKEN.test(token)) {
    const moved = await resolveBlogSlug("reset-password");
    if (moved?.redirectTo) permanentRedirect(`/${moved.redirectTo}/${encodeURIComponent(token)}`);
  }
  const t = await getTranslations("auth");
  return (
    <div className="narrow">
      <h1>{t("newPasswordTitle")}</h1>
      <ResetPasswordForm token={token} />
    </div>
  );
}
