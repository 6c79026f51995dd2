import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { describeUnsubscribe } from "@/lib/notifications";
import { confirmUnsubscribe } from "./actions";

export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<{ token?: string | string[]; done?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("unsubscribe");
  return { title: t("title"), robots: { index: false } };
}

/** The page a notification mail's unsubscribe link opens: what will be switched off, and a confirm button. */
export default async function UnsubscribePage({ searchParams }: Props) {
  const { token, done } = await searchParams;
  const t = await getTranslations("unsubscribe");
  const target = typeof token === "string" && token ? await describeUnsubscribe(token) : null;
  return (
    <div className="narrow">
      <h1>{t("title")}</h1>
      {!target ? (
        <p>{t("invalid")}</p>
      ) : done || target.alreadyOff ? (
        <>
          <p role="status">{t("done", { kind: target.kind })}</p>
          <p>
            <Link href="/settings">{t("manage")}</Link>
          </p>
        </>
      ) : (
        <form action={confirmUnsubscribe}>
          <p>{t("explain", { name: target.name, kind: target.kind })}</p>
          <p>{t("inAppStays")}</p>
          <input type="hidden" name="token" value={token as string} />
          <button type="submit">{t("confirm")}</button>
        </form>
      )}
    </div>
  );
}
