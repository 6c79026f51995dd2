import "server-only";
import { randomBytes } from "node:crypto";
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import nodemailer, { type SendMailOptions, type Transporter } from "nodemailer";
import type { Attachment } from "nodemailer/lib/mailer";
import { env } from "@/lib/env.js";

export type MailMessage = {
  to: string;
  subject: string;
  text: string;
  html?: string;
  headers?: Record<string, string>;
};

export type MailDelivery = { delivered: "smtp" | "outbox"; file?: string };

// A mail is sent while a person waits on a form: give up on a silent server quickly and keep the mail.
const DEFAULT_TIMEOUTS = { connectionTimeout: "10000", greetingTimeout: "10000", socketTimeout: "30000" };

const transporters = new Map<string, Transporter>();

/** The SMTP URL with its password (and user) hidden, safe to log. */
function redactSmtpUrl(smtpUrl: string): string {
  try {
    const url = new URL(smtpUrl);
    if (url.username || url.password) {
      url.username = "***";
      url.password = "";
    }
    url.search = "";
    return url.toString();
  } catch {
    return "(invalid SMTP_URL)";
  }
}

function smtpTransporter(smtpUrl: string): Transporter {
  let transporter = transporters.get(smtpUrl);
  if (!transporter) {
    const url = new URL(smtpUrl);
    for (const [key, value] of Object.entries(DEFAULT_TIMEOUTS)) {
      if (!url.searchParams.has(key)) url.searchParams.set(key, value);
    }
    transporter = nodemailer.createTransport(url.toString());
    transporters.set(smtpUrl, transporter);
  }
  return transporter;
}

function outboxFileName(to: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const address = /<([^>]+)>/.exec(to)?.[1] ?? to;
  const slug =
    address
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "recipient";
  return `${stamp}-${slug}-${randomBytes(3).toString("hex")}.eml`;
}

// Parts in 8bit: the file is read by a developer, and quoted-printable would turn the link's "="
// into "=3D" and wrap it, so it could no longer be clicked in a text editor. Multipart only:
// nodemailer writes a lone raw part without the message headers.
function readableParts({ text, html }: MailMessage): Pick<SendMailOptions, "text" | "html"> {
  if (!html) return { text };
  const part = (type: string, content: string): Attachment => ({
    raw: `Content-Type: ${type}; charset=utf-8\nContent-Transfer-Encoding: 8bit\n\n${content}`,
  });
  return { text: part("text/plain", text), html: part("text/html", html) };
}

async function writeToOutbox(mail: SendMailOptions, message: MailMessage): Promise<string> {
  const dir = resolve(/* turbopackIgnore: true */ env.OUTBOX_DIR);
  await mkdir(dir, { recursive: true });
  const built = await nodemailer
    .createTransport({ streamTransport: true, buffer: true, newline: "unix" })
    .sendMail({ ...mail, ...readableParts(message) });
  const file = join(dir, outboxFileName(message.to));
  // 0600: the message holds a secret sign-in link.
  await writeFile(file, built.message as Buffer, { mode: 0o600 });
  console.info(`Mail to ${message.to} written to ${file}`);
  return file;
}

/**
 * Sends through SMTP_URL when it is set (read on every call), else writes an .eml file to
 * OUTBOX_DIR. A failed SMTP send also lands in the outbox: a mail is never lost.
 */
export async function sendMail(message: MailMessage): Promise<MailDelivery> {
  const mail: SendMailOptions = {
    from: env.MAIL_FROM,
    to: message.to,
    subject: message.subject,
    text: message.text,
    html: message.html,
    headers: { "Auto-Submitted": "auto-generated", ...message.headers },
  };
  const smtpUrl = env.SMTP_URL;
  if (!smtpUrl) return { delivered: "outbox", file: await writeToOutbox(mail, message) };
  try {
    await smtpTransporter(smtpUrl).sendMail(mail);
    return { delivered: "smtp" };
  } catch (error) {
    // Never log the message: its body holds a secret link. Only the server, redacted, and the reason.
    const reason = error instanceof Error ? error.message : String(error);
    console.warn(`Mail to ${message.to} could not be sent through ${redactSmtpUrl(smtpUrl)} (${reason}); keeping it.`);
    return { delivered: "outbox", file: await writeToOutbox(mail, message) };
  }
}

/** Closes the cached SMTP connections (tests and shutdown). */
export function closeMailTransports(): void {
  for (const transporter of transporters.values()) transporter.close();
  transporters.clear();
}
