import "server-only";
import { hash, verify } from "@node-rs/argon2";

// argon2id with OWASP's second recommended profile (19 MiB, 2 passes, 1 lane).
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 };

/** hashPassword: an argon2id hash (salted, parameters embedded). */
export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

/** verifyPassword: true when the password matches; false for a malformed or missing hash. */
export async function verifyPassword(passwordHash: string | null | undefined, password: string): Promise<boolean> {
  if (!passwordHash) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// A fixed hash to verify against when the account does not exist, so that the response time
// does not tell whether an email is registered.
let dummy: Promise<string> | undefined;
export async function burnPasswordCheck(password: string): Promise<void> {
  dummy ??= hashPassword("tribune-timing-equalizer");
  await verifyPassword(await dummy, password);
}
