"use server";

import { revalidatePath } from "next/cache";
import { requireViewer } from "@/lib/auth";
import { CreateBlogSchema, createBlog, setOpenBlogCreation } from "@/lib/blogs";
import { failure, parseForm, type FormState } from "@/lib/forms";

export async function adminCreateBlogAction(_prev: FormState, form: FormData): Promise<FormState> {
  const viewer = await requireViewer("/admin");
  const parsed = parseForm(CreateBlogSchema, form);
  if (!parsed.data) return parsed.state;
  try {
    const blog = await createBlog(viewer, parsed.data);
    revalidatePath("/", "layout");
    return { ok: true, data: { slug: blog.slug } };
  } catch (error) {
    return failure(error, form);
  }
}

export async function setOpenBlogCreationAction(_prev: FormState, form: FormData): Promise<FormState> {
  const viewer = await requireViewer("/admin");
  try {
    await setOpenBlogCreation(viewer, form.get("open") === "on");
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/admin");
  return { ok: true };
}
