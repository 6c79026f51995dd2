import "server-only";
import { db } from "@/lib/db";
import { avatarSvg } from "./avatar";

/** getAvatarSvg: the generated avatar of a handle (a neutral one for unknown handles). */
export async function getAvatarSvg(handle: string): Promise<string> {
  const user = await db.user.findUnique({
    where: { handleKey: handle.toLowerCase() },
    select: { name: true, handle: true },
  });
  return avatarSvg(user?.name ?? "?", user?.handle ?? handle);
}
