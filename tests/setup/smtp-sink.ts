// A real SMTP server on loopback that keeps every mail it receives, parsed.
// In a test process: `const sink = await startSmtpSink(); process.env.SMTP_URL = sink.url;`.
// Standalone, for browser tests in another process:
//   tsx tests/setup/smtp-sink.ts --port 2526 --http 2527
// serves GET /messages?to=<address> (JSON, newest last) and DELETE /messages (clears).
import { createServer, type Server } from "node:http";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { simpleParser } from "mailparser";
import { SMTPServer } from "smtp-server";

export type SinkMail = {
  /** The envelope recipients, comma-separated (one address for Tribune's mail). */
  to: string;
  recipients: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
  receivedAt: string;
};

export type WaitOptions = { subject?: RegExp; timeoutMs?: number };

export type SmtpSink = {
  port: number;
  url: string;
  messages: SinkMail[];
  /** The newest mail already received for `to` (and subject), else the next one to arrive. */
  waitForMail(to: string, options?: WaitOptions): Promise<SinkMail>;
  clear(): void;
  close(): Promise<void>;
};

const HOST = "127.0.0.1";

/** matchesMail: whether a mail went to `to` (case-insensitive) and its subject matches. */
export function matchesMail(mail: SinkMail, to: string, subject?: RegExp): boolean {
  return mail.recipients.includes(to.trim().toLowerCase()) && (!subject || subject.test(mail.subject));
}

export async function startSmtpSink(port = 0): Promise<SmtpSink> {
  const messages: SinkMail[] = [];
  const listeners = new Set<(mail: SinkMail) => void>();

  const server = new SMTPServer({
    secure: false,
    authOptional: true,
    allowInsecureAuth: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    closeTimeout: 1000,
    onAuth: (auth, _session, callback) => callback(null, { user: auth.username ?? "sink" }),
    onData: (stream, session, callback) => {
      simpleParser(stream).then(
        (parsed) => {
          const recipients = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
          const headers: Record<string, string> = {};
          for (const { key, line } of parsed.headerLines) headers[key] = line.slice(line.indexOf(":") + 1).trim();
          const mail: SinkMail = {
            to: recipients.join(", "),
            recipients,
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            subject: parsed.subject ?? "",
            text: parsed.text ?? "",
            html: typeof parsed.html === "string" ? parsed.html : "",
            headers,
            receivedAt: new Date().toISOString(),
          };
          messages.push(mail);
          listeners.forEach((listener) => listener(mail));
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });

  await new Promise<void>((done, fail) => {
    server.once("error", fail);
    server.listen(port, HOST, () => done());
  });
  const address = server.server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;

  return {
    port: actualPort,
    url: `smtp://${HOST}:${actualPort}`,
    messages,
    waitForMail(to, { subject, timeoutMs = 5000 } = {}) {
      const existing = messages.findLast((mail) => matchesMail(mail, to, subject));
      if (existing) return Promise.resolve(existing);
      return new Promise((done, fail) => {
        const listener = (mail: SinkMail) => {
          if (!matchesMail(mail, to, subject)) return;
          clearTimeout(timer);
          listeners.delete(listener);
          done(mail);
        };
        const timer = setTimeout(() => {
          listeners.delete(listener);
          fail(new Error(`No mail to ${to}${subject ? ` matching ${subject}` : ""} within ${timeoutMs} ms.`));
        }, timeoutMs);
        listeners.add(listener);
      });
    },
    clear() {
      messages.length = 0;
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

function serveHttp(sink: SmtpSink, port: number): Promise<Server> {
  const http = createServer((request, response) => {
    const url = new URL(request.url ?? "/", `http://${HOST}`);
    if (url.pathname !== "/messages") return void response.writeHead(404).end();
    if (request.method === "DELETE") {
      sink.clear();
      return void response.writeHead(204).end();
    }
    if (request.method !== "GET") return void response.writeHead(405).end();
    const to = url.searchParams.get("to");
    const list = to ? sink.messages.filter((mail) => matchesMail(mail, to)) : sink.messages;
    response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(list));
  });
  return new Promise((done, fail) => {
    http.once("error", fail);
    http.listen(port, HOST, () => done(http));
  });
}

async function main() {
  const { values } = parseArgs({ options: { port: { type: "string" }, http: { type: "string" } } });
  const sink = await startSmtpSink(Number(values.port ?? 2526));
  const httpPort = Number(values.http ?? 2527);
  const http = await serveHttp(sink, httpPort);
  console.log(`SMTP sink on ${sink.url}; mail as JSON at http://${HOST}:${httpPort}/messages`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      http.close();
      void sink.close().then(() => process.exit(0));
    });
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
