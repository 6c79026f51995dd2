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
  const length = Number(request.headers.get("content-length") ?? "0");
  if (length > MAX_BODY_BYTES) return text("The request is too large for a Webmention.", 413);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return text("Send source and target as form fields (application/x-www-form-urlencoded).", 400);
  }
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
