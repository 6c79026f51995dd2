"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import {
  ChangePasswordSchema,
  CreateApiTokenSchema,
  changePassword,
  createApiToken,
  keepThisSession,
  requestEmailChange,
  requireViewer,
  revokeApiToken,
  signOutEverywhere,
} from "@/lib/auth";
import { failure, parseForm, type FormState } from "@/lib/forms";
import { PreferencesFormSchema, setPreferences } from "@/lib/notifications";
import { EmailSchema, UpdateProfileSchema, deleteAccount, updateProfile } from "@/lib/users";

const SETTINGS = "/settings";

/** Links arrive as link.0.label / link.0.url pairs; empty pairs are dropped. */
function profileInput(form: FormData) {
  const links = [0, 1, 2, 3, 4]
    .map((i) => ({
      label: String(form.get(`link.${i}.label`) ?? "").trim(),
      url: String(form.get(`link.${i}.url`) ?? "").trim(),
    }))
    .filter((link) => link.label || link.url);
  return { handle: form.get("handle"), name: form.get("name"), bio: form.get("bio") ?? "", links };
}

export async function updateProfileAction(_prev: FormState, form: FormData): Promise<FormState> {
  const viewer = await requireViewer(SETTINGS);
  const parsed = parseForm(UpdateProfileSchema, profileInput(form));
  if (!parsed.data) return { ...parsed.state, values: undefined };
  try {
    await updateProfile(viewer, viewer.id, parsed.data);
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/", "layout");
  return { ok: true };
}

export async function changeEmailAction(_prev: FormState, form: FormData): Promise<FormState> {
  const viewer = await requireViewer(SETTINGS);
  const parsed = parseForm(z.object({ email: EmailSchema }), form);
  if (!parsed.data) return parsed.state;
  try {
    await requestEmailChange(viewer.id, parsed.data.email, (await getLocale()) === "en" ? "en" : "fr");
    return { ok: true, data: { email: parsed.data.email } };
  } catch (error) {
    return failure(error, form);
  }
}

export async function changePasswordAction(_prev: FormState, form: FormData): Promise<FormState> {
  const viewer = await requireViewer(SETTINGS);
  const parsed = parseForm(ChangePasswordSchema, form);
  if (!parsed.data) return parsed.state;
  try {
    // Every other session ends; this one carries on with the new session version.
    await keepThisSession(viewer, await changePassword(viewer.id, parsed.data.current, parsed.data.password));
    return { ok: true };
  } catch (error) {
    return failure(error);
  }
}

export async function preferencesAction(_prev: FormState, form: FormData): Promise<FormState> {
  const viewer = await requireViewer(SETTINGS);
  const parsed = parseForm(PreferencesFormSchema, form);
  if (!parsed.data) return parsed.state;
  await setPreferences(viewer.id, parsed.data);
  return { ok: true };
}

export async function createTokenAction(_prev: FormState, form: FormData): Promise<FormState> {
  const viewer = await requireViewer(SETTINGS);
  const parsed = parseForm(CreateApiTokenSchema, form);
  if (!parsed.data) return parsed.state;
  try {
    const { token } = await createApiToken(viewer.id, parsed.data.name);
    revalidatePath(SETTINGS);
    return { ok: true, data: { token } };
  } catch (error) {
    return failure(error, form);
  }
}

export async function revokeTokenAction(form: FormData): Promise<void> {
  const viewer = await requireViewer(SETTINGS);
  const id = z.string().min(1).max(40).safeParse(form.get("id"));
  if (id.success) await revokeApiToken(viewer.id, id.data);
  revalidatePath(SETTINGS);
}

export async function signOutEverywhereAction(): Promise<void> {
  const viewer = await requireViewer(SETTINGS);
  await signOutEverywhere(viewer.id);
  // The header (in the layout) must render again, as signed out.
  revalidatePath("/", "layout");
  redirect("/login?signedOut=1");
}

export async function deleteAccountAction(_prev: FormState, form: FormData): Promise<FormState> {
  const viewer = await requireViewer(SETTINGS);
  if (
    String(form.get("confirm") ?? "")
      .trim()
      .toLowerCase() !== viewer.handle.toLowerCase()
  ) {
    return { ok: false, message: "errors.checkFields", fieldErrors: { confirm: ["validation.confirmHandle"] } };
  }
  try {
    await deleteAccount(viewer, viewer.id);
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/", "layout");
  redirect("/?accountDeleted=1");
}
