import "server-only";
import { db } from "@/lib/db";
import { RESERVED_HANDLES, foldKey } from "@/lib/users/schemas";

/** suggestHandle: a free handle derived from a name, login or email local part ("Josée L." → "joseel", "josee2"). */
export async function suggestHandle(seed: string): Promise<string> {
  let base = foldKey(seed.split("@")[0] ?? "")
    .replace(/[^a-z0-9_-]+/g, "")
    .replace(/^[_-]+/, "")
    .slice(0, 26);
  if (base.length < 2 || RESERVED_HANDLES.has(base)) base = `${base || "member"}x`.slice(0, 26);
  const taken = new Set(
    (await db.user.findMany({ where: { handleKey: { startsWith: base } }, select: { handleKey: true } })).map(
      (u) => u.handleKey,
    ),
  );
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}${n}`)) return `${base}${n}`;
}
