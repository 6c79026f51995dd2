"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireViewer } from "@/lib/auth";
import {
  AddMemberSchema,
  CreateBlogSchema,
  MemberIdSchema,
  MemberRoleSchema,
  UpdateBlogSettingsSchema,
  addMember,
  changeMemberRole,
  createBlog,
  removeMember,
  updateBlogSettings,
} from "@/lib/blogs";
import { failure, parseForm, type FormState } from "@/lib/forms";

const blogIdOf = (form: FormData) => String(form.get("blogId") ?? "").slice(0, 40);

export async function createBlogAction(_prev: FormState, form: FormData): Promise<FormState> {
  const viewer = await requireViewer("/write/new-blog");
  // Appointing another owner is the admin page's form; here the creator owns the blog.
  const parsed = parseForm(CreateBlogSchema.omit({ ownerHandle: true }), form);
  if (!parsed.data) return parsed.state;
  let slug: string;
  try {
    ({ slug } = await createBlog(viewer, parsed.data));
  } catch (error) {
    return failure(error, form);
  }
  revalidatePath("/", "layout");
  redirect(`/write/${slug}/settings?created=1`);
}

export async function updateBlogSettingsAction(_prev: FormState, form: FormData): Promise<FormState> {
  const viewer = await requireViewer("/write");
  const parsed = parseForm(UpdateBlogSettingsSchema, form);
  if (!parsed.data) return parsed.state;
  const previousSlug = String(form.get("currentSlug") ?? "");
  let slug: string;
  try {
    ({ slug } = await updateBlogSettings(viewer, blogIdOf(form), parsed.data));
  } catch (error) {
    return failure(error, form);
  }
  revalidatePath("/", "layout");
  // The settings page lives at the blog's slug: a new slug means a new address.
  if (slug !== previousSlug) redirect(`/write/${slug}/settings?saved=1`);
  return { ok: true };
}

export async function addMemberAction(_prev: FormState, form: FormData): Promise<FormState> {
  const viewer = await requireViewer("/write");
  const parsed = parseForm(AddMemberSchema, form);
  if (!parsed.data) return parsed.state;
  try {
    await addMember(viewer, blogIdOf(form), parsed.data.handle, parsed.data.role);
  } catch (error) {
    return failure(error, form);
  }
  revalidatePath("/write/[blog]/members", "page");
  return { ok: true };
}

export async function changeMemberRoleAction(_prev: FormState, form: FormData): Promise<FormState> {
  const viewer = await requireViewer("/write");
  const parsed = parseForm(MemberRoleSchema, form);
  if (!parsed.data) return parsed.state;
  try {
    await changeMemberRole(viewer, blogIdOf(form), parsed.data.userId, parsed.data.role);
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/write/[blog]/members", "page");
  return { ok: true };
}

export async function removeMemberAction(_prev: FormState, form: FormData): Promise<FormState> {
  const viewer = await requireViewer("/write");
  const parsed = parseForm(MemberIdSchema, form);
  if (!parsed.data) return parsed.state;
  try {
    await removeMember(viewer, blogIdOf(form), parsed.data.userId);
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/write/[blog]/members", "page");
  revalidatePath("/write");
  return { ok: true };
}
