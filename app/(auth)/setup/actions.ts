"use server";

import { redirect } from "next/navigation";
import { failure, parseForm, type FormState } from "@/lib/forms";
import { SetupSchema, completeSetup } from "@/lib/setup";

/** setupAction: creates the first administrator and blog, then sends them to sign in. */
export async function setupAction(_prev: FormState, form: FormData): Promise<FormState> {
  const parsed = parseForm(SetupSchema, form);
  if (!parsed.data) return parsed.state;
  try {
    await completeSetup(parsed.data);
  } catch (error) {
    return failure(error, form);
  }
  redirect("/login?verified=1");
}
