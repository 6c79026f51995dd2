"use server";

import { redirect } from "next/navigation";
import { unsubscribe } from "@/lib/notifications";

/** confirmUnsubscribe: switches off the email kind the signed token names, then shows the result. */
export async function confirmUnsubscribe(form: FormData): Promise<void> {
  const token = String(form.get("token") ?? "").slice(0, 200);
  const done = await unsubscribe(token);
  redirect(`/unsubscribe?token=${encodeURIComponent(token)}&${done ? "done=1" : "invalid=1"}`);
}
