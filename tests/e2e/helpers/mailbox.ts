// Reads the mail caught by the standalone SMTP sink (tests/setup/smtp-sink.ts) over HTTP, so
// browser tests can follow the links the app sends. Give each test its own address: waitForMail
// returns the newest matching mail.
import type { SinkMail, WaitOptions } from "../../setup/smtp-sink";

const baseUrl = () => process.env.MAIL_SINK_HTTP ?? "http://127.0.0.1:2527";

/** listMail: every mail the sink holds for `to`, newest last. */
async function listMail(to: string): Promise<SinkMail[]> {
  const response = await fetch(`${baseUrl()}/messages?to=${encodeURIComponent(to)}`);
  if (!response.ok) throw new Error(`The mail sink answered ${response.status}.`);
  return (await response.json()) as SinkMail[];
}

/** waitForMail: polls until a mail to `to` (and matching `subject`) arrives; throws after timeoutMs. */
export async function waitForMail(to: string, { subject, timeoutMs = 10_000 }: WaitOptions = {}): Promise<SinkMail> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const mail = (await listMail(to)).findLast((m) => !subject || subject.test(m.subject));
    if (mail) return mail;
    if (Date.now() > deadline)
      throw new Error(`No mail to ${to}${subject ? ` matching ${subject}` : ""} within ${timeoutMs} ms.`);
    await new Promise((done) => setTimeout(done, 200));
  }
}

/** extractLink: the first http(s) link standing alone on a line of a plain-text mail. */
export function extractLink(text: string): string {
  const match = /^(https?:\/\/\S+)$/m.exec(text);
  if (!match?.[1]) throw new Error("No link on its own line in this mail.");
  return match[1];
}
