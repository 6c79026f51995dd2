import { createHash } from "node:crypto";
import { env } from "@/lib/env.js";

/**
 * Scripts a page may run: a fresh nonce for a page rendered for this request, or the hashes of
 * its inline scripts for a page served again from the page cache (a nonce must never be reused).
 */
export type ScriptPermission = { nonce: string } | { hashes: string[] };

/**
 * isHttpsRequest: the request came over HTTPS: NEXTAUTH_URL says so, or a trusted proxy does
 * (X-Forwarded-Proto, with TRUST_PROXY set), or the connection itself is TLS.
 */
export function isHttpsRequest(forwardedProto: string | null | undefined, protocol: string): boolean {
  if (env.NEXTAUTH_URL?.startsWith("https:")) return true;
  if (Number.parseInt(env.TRUST_PROXY ?? "", 10) > 0) {
    return forwardedProto?.split(",")[0]?.trim() === "https";
  }
  return protocol === "https:";
}

/** contentSecurityPolicy: the policy of every HTML page (proxy.ts sends it). */
export function contentSecurityPolicy(scripts: ScriptPermission, https: boolean): string {
  const isDev = env.NODE_ENV === "development";
  const allowed =
    "nonce" in scripts
      ? // 'strict-dynamic': scripts the nonced Next runtime loads are trusted; nothing else runs.
        `'self' 'nonce-${scripts.nonce}' 'strict-dynamic'`
      : // A cached page: its own inline scripts by hash, its bundles from this origin, nothing else.
        ["'self'", ...scripts.hashes.map((hash) => `'${hash}'`)].join(" ");
  return [
    "default-src 'self'",
    // React's dev tooling rebuilds server error stacks with eval, in development only.
    `script-src ${allowed}${isDev ? " 'unsafe-eval'" : ""}`,
    // Styles stay 'unsafe-inline': React renders style="" attributes (Next's route announcer,
    // components), which nonces cannot cover, and a nonce would disable 'unsafe-inline'.
    // Injected CSS cannot run code; scripts, the real risk, are strict.
    "style-src 'self' 'unsafe-inline'",
    // Articles may show images from any HTTPS host (markdown image links).
    "img-src 'self' data: https:",
    "font-src 'self'",
    "connect-src 'self'",
    "frame-ancestors 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "object-src 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}

const INLINE_SCRIPT = /<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi;
// One attribute of a start tag, as a browser splits it: its name, and its value double-quoted,
// single-quoted or bare (up to a space or the tag's end).
const ATTRIBUTE = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

function attributesOf(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const [, name = "", double, single, bare] of tag.matchAll(ATTRIBUTE)) {
    const key = name.toLowerCase();
    // As in a browser, the first of a duplicated attribute counts.
    if (!attributes.has(key)) attributes.set(key, double ?? single ?? bare ?? "");
  }
  return attributes;
}

/** nonceOf: the script nonce a Content-Security-Policy allows ('nonce-…'), or null. */
export function nonceOf(policy: string | null | undefined): string | null {
  return /'nonce-([A-Za-z0-9+/_=-]+)'/.exec(policy ?? "")?.[1] ?? null;
}

/**
 * inlineScriptHashes: the CSP hashes ('sha256-…', without quotes) of the inline scripts the render
 * itself emitted: those carrying its nonce (Next and React put it on every script they write).
 * A script without it (injected through content, should the sanitizer ever miss one) gets no
 * hash and does not run. Scripts with src come from 'self'; data blocks (JSON-LD) do not run
 * and need none.
 */
export function inlineScriptHashes(html: string, nonce: string): string[] {
  const hashes = new Set<string>();
  if (!nonce) return [];
  for (const [, tag = "", body = ""] of html.matchAll(INLINE_SCRIPT)) {
    const attributes = attributesOf(tag);
    if (attributes.get("nonce") !== nonce || attributes.has("src")) continue;
    const type = attributes.get("type")?.trim().toLowerCase();
    if (type && !["text/javascript", "module", "application/javascript"].includes(type)) continue;
    hashes.add(`sha256-${createHash("sha256").update(body, "utf8").digest("base64")}`);
  }
  return [...hashes];
}
