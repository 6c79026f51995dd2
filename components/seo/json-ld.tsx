import { headers } from "next/headers";
import { serializeJsonLd } from "@/lib/seo";

/** JsonLd: structured data as <script type="application/ld+json">, carrying the request's CSP nonce. */
export async function JsonLd({ data }: { data: Record<string, unknown> }) {
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  // serializeJsonLd escapes "<", so the content cannot close the script element.
  return (
    <script type="application/ld+json" nonce={nonce} dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />
  );
}
