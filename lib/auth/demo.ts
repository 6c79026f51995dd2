import "server-only";
import { db } from "@/lib/db";

const DEMO_EMAIL_DOMAIN = "@demo.tribune.test";
const DEMO_MODE_KEY = "demo_mode";

/** isDemoMode: true when this instance was started with the demo content (a flag stored with the data). */
export async function isDemoMode(): Promise<boolean> {
  const row = await db.setting.findUnique({ where: { key: DEMO_MODE_KEY }, select: { value: true } });
  return row?.value === "1";
}

/** setDemoMode: turns demo mode on or off. */
export async function setDemoMode(on: boolean): Promise<void> {
  await db.setting.upsert({
    where: { key: DEMO_MODE_KEY },
    create: { key: DEMO_MODE_KEY, value: on ? "1" : "0" },
    update: { value: on ? "1" : "0" },
  });
}

/** isDemoLoginAllowed: the demo's people can sign in with their listed passwords only in demo mode. */
export async function isDemoLoginAllowed(email: string): Promise<boolean> {
  return !email.endsWith(DEMO_EMAIL_DOMAIN) || (await isDemoMode());
}

/** DEMO_PASSWORD: the password of every demo person (listed in the README; refused outside demo mode). */
const DEMO_PASSWORD = "tribune-demo";

/** enableDemoAccounts: turns demo mode on and gives the demo's people the demo password. */
export async function enableDemoAccounts(hashPassword: (password: string) => Promise<string>): Promise<number> {
  await setDemoMode(true);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const updated = await db.user.updateMany({
    where: { email: { endsWith: DEMO_EMAIL_DOMAIN }, passwordHash: null },
    data: { passwordHash },
  });
  return updated.count;
}
