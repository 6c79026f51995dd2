import { createHash } from "node:crypto";

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** avatarSvg: initials on a colour derived from the handle; no external service, stable per person. */
export function avatarSvg(name: string, handle: string): string {
  const digest = createHash("sha1").update(handle.toLowerCase()).digest();
  const hue = Math.round((digest[0]! / 255) * 360);
  const initials =
    name
      .split(/[\s-]+/)
      .filter(Boolean)
      .slice(0, 2)
      .map((part) => Array.from(part)[0]!.toUpperCase())
      .join("") || "?";
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64" role="img" aria-label="${escape(name)}"><rect width="64" height="64" rx="32" fill="hsl(${hue} 45% 42%)"/><text x="32" y="32" dy=".35em" text-anchor="middle" font-family="system-ui, sans-serif" font-size="26" font-weight="600" fill="#fff">${escape(initials)}</text></svg>`;
}
