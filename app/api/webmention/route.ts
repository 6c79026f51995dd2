import { httpStatus, isAppError } from "@/lib/errors";
import { plainMessage } from "@/lib/i18n/plain";
import { receiveWebmention } from "@/lib/links/webmention";
import { clientIp } from "@/lib/security";

export const dynamic = "force-dynamic";

/** A form with two URLs: anything longer is not a Webmention. */
const MAX_BODY_BYTES = 8192;

const text = (body: string, status: number, headers: Record<string, string> = {}) =>
  new Response(`${body}\n`, { status, headers: { "content-type": "text/plain; charset=utf-8", ...headers } });

/**
 * POST /api/webmention: the Webmention endpoint (W3C). `source` and `target` as form fields;
 * 400 with the reason when the request is invalid, else 202 with the status page in Location
 * (verification runs afterwards, in a durable job).
 */
export async function POST(request: Request) {
  // The body is read up to the limit whatever Content-Length says (a chunked body has none).
  const body = await readBounded(request, MAX_BODY_BYTES);
  if (body === null) return text("The request is too large for a Webmention.", 413);
  if (!/^application\/x-www-form-urlencoded\b/i.test(request.headers.get("content-type") ?? ""))
    return text("Send source and target as form fields (application/x-www-form-urlencoded).", 400);
  const form = new URLSearchParams(body);
  try {
    const { statusUrl } = await receiveWebmention(
      { source: form.get("source") ?? undefined, target: form.get("target") ?? undefined },
      { address: clientIp(request.headers) },
    );
    return text(`Accepted for verification: ${statusUrl}`, 202, { location: statusUrl });
  } catch (error) {
    if (!isAppError(error)) throw error;
    const retry = error.details?.retryAfterSeconds;
    return text(
      plainMessage(error.message),
      httpStatus[error.code],
      typeof retry === "number" ? { "retry-after": String(retry) } : {},
    );
  }
}

/** readBounded: the body as text, or null once it passes `max` bytes (reading stops there). */
async function readBounded(request: Request, max: number): Promise<string | null> {
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString("utf8");
}
