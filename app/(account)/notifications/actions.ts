"use server";

import { revalidatePath } from "next/cache";
import { requireViewer } from "@/lib/auth";
import { markRead } from "@/lib/notifications";

/** markAllReadAction: clears the bell. */
export async function markAllReadAction(): Promise<void> {
  const viewer = await requireViewer("/notifications");
  await markRead(viewer, "all");
  revalidatePath("/", "layout");
}
