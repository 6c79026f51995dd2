// npm run user:create -- --admin <email> [--name "Anne Tremblay"]
// Creates (or promotes) an administrator. The password comes from TRIBUNE_PASSWORD, else from a
// prompt when a terminal is attached, else the person gets a link to choose one (by SMTP, or
// written to data/outbox/ when SMTP is not configured).
import { createInterface } from "node:readline/promises";
import { parseArgs } from "node:util";
import { ZodError } from "zod";
import { appUrl } from "../lib/auth/app-url";
import { issueToken, tokenLifetimeMinutes } from "../lib/auth/tokens";
import { disconnectDb } from "../lib/db";
import { env } from "../lib/env.js";
import { plainMessage } from "../lib/i18n/plain";
import { closeMailTransports, sendMail, setupLinkMail } from "../lib/mail";
import { createAdminFromCli } from "../lib/setup";

const { values } = parseArgs({ options: { admin: { type: "string" }, name: { type: "string" } } });
if (!values.admin) {
  console.error('usage: npm run user:create -- --admin <email> [--name "Display Name"]');
  process.exit(2);
}

async function askPassword(): Promise<string | undefined> {
  if (env.TRIBUNE_PASSWORD) return env.TRIBUNE_PASSWORD;
  if (!process.stdin.isTTY) return undefined;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  const answer = await rl.question("Password (empty: email a link instead): ");
  rl.close();
  return answer || undefined;
}

try {
  const password = await askPassword();
  const user = await createAdminFromCli({ email: values.admin, name: values.name, password });
  console.log(`${user.created ? "Created" : "Promoted"} administrator @${user.handle} <${values.admin}>.`);
  if (!password) {
    const token = await issueToken("reset_password", { userId: user.id, email: values.admin.toLowerCase() });
    const url = appUrl(`/reset-password/${token}`);
    const mail = setupLinkMail({ locale: "fr", url, expiresInMinutes: tokenLifetimeMinutes("reset_password") });
    const delivery = await sendMail({ to: values.admin, ...mail });
    console.log(
      delivery.delivered === "smtp"
        ? "A link to choose a password was emailed."
        : `A link to choose a password was written to ${delivery.file}.`,
    );
  }
} catch (error) {
  if (error instanceof ZodError) console.error(error.issues.map((i) => plainMessage(i.message)).join("\n"));
  else console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  closeMailTransports();
  await disconnectDb();
}
