import { cookies } from "next/headers";
import { isTheme, THEME_COOKIE, type Theme } from "./themes";

export { THEMES, THEME_COOKIE, nextTheme, type Theme } from "./themes";

/** getTheme: the reader's remembered theme (a cookie, so the server renders it: no flash). */
export async function getTheme(): Promise<Theme> {
  const value = (await cookies()).get(THEME_COOKIE)?.value;
  return isTheme(value) ? value : "system";
}
