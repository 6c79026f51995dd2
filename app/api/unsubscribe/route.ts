import { unsubscribe } from "@/lib/notifications";

export const dynamic = "force-dynamic";

/**
 * POST /api/unsubscribe?token=…: RFC 8058 one-click unsubscribe, named by the List-Unsubscribe
 * header of every notification mail. The signed token is the only credential (no cookie, so
 * no CSRF concern): it can only switch one kind of email off.
 */
export async function POST(request: Request) {
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const done = token ? await unsubscribe(token) : null;
  if (!done) return Response.json({ error: "NOT_FOUND", message: "Invalid unsubscribe link" }, { status: 404 });
  return Response.json({ ok: true, kind: done.kind });
}
