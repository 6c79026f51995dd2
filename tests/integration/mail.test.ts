import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { after, before, beforeEach, test } from "node:test";
import { simpleParser } from "mailparser";
import { closeMailTransports, magicLinkMail, sendMail, verifyEmailMail } from "@/lib/mail";
import { startSmtpSink, type SmtpSink } from "../setup/smtp-sink";

const url = "https://tribune.example/auth/verify?token=s3cret-token";
let sink: SmtpSink;
let outbox: string;
const outboxes: string[] = [];

before(async () => {
  sink = await startSmtpSink();
});
beforeEach(() => {
  outbox = mkdtempSync(join(tmpdir(), "tribune-outbox-"));
  outboxes.push(outbox);
  process.env.OUTBOX_DIR = outbox;
  delete process.env.SMTP_URL;
  delete process.env.MAIL_FROM;
});
after(async () => {
  closeMailTransports();
  await sink.close();
  delete process.env.SMTP_URL;
  delete process.env.OUTBOX_DIR;
  outboxes.forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

const emlFiles = () => readdirSync(outbox).filter((name) => name.endsWith(".eml"));

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as { port: number };
  await new Promise((done) => server.close(done));
  return port;
}

test("mail: SMTP_URL set, the mail reaches the SMTP server", async (t) => {
  process.env.SMTP_URL = sink.url;
  process.env.MAIL_FROM = "Tribune test <tests@tribune.example>";
  const mail = verifyEmailMail({ locale: "fr", name: "Josée", url, expiresInMinutes: 60 });
  const info = t.mock.method(console, "info", () => {});
  assert.deepEqual(await sendMail({ to: "Josee@Example.com", ...mail }), { delivered: "smtp" });
  const received = await sink.waitForMail("josee@example.com", { subject: /adresse courriel/ });
  assert.equal(received.to, "josee@example.com");
  assert.equal(received.subject, "Confirmez votre adresse courriel");
  assert.equal(received.from, "tests@tribune.example");
  assert.equal(/^(https?:\/\/\S+)$/m.exec(received.text)?.[1], url);
  assert.match(received.html, /<a href="https:\/\/tribune\.example\/auth\/verify\?token=s3cret-token"/);
  assert.equal(received.headers["auto-submitted"], "auto-generated");
  assert.deepEqual(emlFiles(), []);
  assert.equal(info.mock.callCount(), 0);
});

test("mail: SMTP credentials in SMTP_URL are used to authenticate", async () => {
  process.env.SMTP_URL = sink.url.replace("smtp://", "smtp://mailer:p%40ss@");
  const mail = magicLinkMail({ locale: "fr", url, host: "tribune.example", expiresInMinutes: 10 });
  assert.deepEqual(await sendMail({ to: "auth@example.com", ...mail }), { delivered: "smtp" });
  const received = await sink.waitForMail("auth@example.com");
  assert.equal(received.subject, "Votre lien de connexion à tribune.example");
});

test("mail: SMTP_URL unset, the mail is written to the outbox and only its recipient is logged", async (t) => {
  const info = t.mock.method(console, "info", () => {});
  const mail = magicLinkMail({ locale: "en", url, host: "tribune.example", expiresInMinutes: 10 });
  const result = await sendMail({ to: "reader@example.com", ...mail });
  assert.equal(result.delivered, "outbox");
  const files = emlFiles();
  assert.equal(files.length, 1);
  assert.equal(result.file, join(outbox, files[0]!));
  assert.match(files[0]!, /^\d{4}-\d\d-\d\dT[\d-]+Z-reader-example-com-[0-9a-f]+\.eml$/);
  const eml = readFileSync(result.file!, "utf8");
  assert.match(eml, /^Subject: Your sign-in link for tribune\.example$/m);
  assert.match(eml, /^To: reader@example\.com$/m);
  assert.ok(eml.includes(url), "the link is readable and clickable in the raw file");
  const parsed = await simpleParser(eml);
  assert.equal(parsed.text, mail.text);
  assert.equal(parsed.html, mail.html);
  assert.equal(info.mock.callCount(), 1);
  const line = String(info.mock.calls[0]!.arguments[0]);
  assert.equal(line, `Mail to reader@example.com written to ${result.file}`);
  assert.equal(sink.messages.length, 2, "nothing new reached the SMTP server");
});

test("mail: SMTP server unreachable, the mail lands in the outbox and credentials stay out of the log", async (t) => {
  process.env.SMTP_URL = `smtp://mailer:hunter2@127.0.0.1:${await closedPort()}`;
  const warn = t.mock.method(console, "warn", () => {});
  const info = t.mock.method(console, "info", () => {});
  const mail = verifyEmailMail({ locale: "en", name: "Sam", url, expiresInMinutes: 60 });
  const result = await sendMail({ to: "sam@example.com", ...mail });
  assert.equal(result.delivered, "outbox");
  assert.ok(readFileSync(result.file!, "utf8").includes(url));
  assert.equal(warn.mock.callCount(), 1);
  assert.equal(info.mock.callCount(), 1);
  const logged = [...warn.mock.calls, ...info.mock.calls].map((call) => String(call.arguments[0])).join("\n");
  assert.doesNotMatch(logged, /hunter2|s3cret-token/);
  assert.match(logged, /sam@example\.com/);
});

test("mail: a text-only mail is a complete message in the outbox", async (t) => {
  t.mock.method(console, "info", () => {});
  const result = await sendMail({
    to: "plain@example.com",
    subject: "Plain",
    text: `Open:\n\n${url}\n`,
    headers: { "X-Test": "1" },
  });
  const parsed = await simpleParser(readFileSync(result.file!));
  assert.equal(parsed.subject, "Plain");
  assert.equal(parsed.to && !Array.isArray(parsed.to) ? parsed.to.text : "", "plain@example.com");
  assert.equal(parsed.headers.get("x-test"), "1");
  assert.ok(parsed.text?.includes(url));
});
