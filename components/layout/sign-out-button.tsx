import { getTranslations } from "next-intl/server";
import { signOutAction } from "@/app/actions";

/** SignOutButton: a plain form post; works without JavaScript and ships none. */
export async function SignOutButton() {
  const t = await getTranslations("nav");
  return (
    <form action={signOutAction}>
      <button type="submit" className="link-button">
        {t("signOut")}
      </button>
    </form>
  );
}
