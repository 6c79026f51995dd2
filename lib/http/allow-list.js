// FETCH_ALLOW's one parser, plain JavaScript so that lib/env.js (loaded by next.config.js)
// refuses a bad value at start with the very rules lib/http applies at fetch time.
import { isIP } from "node:net";

/**
 * @typedef {{ address: string, prefix: number, family: 4 | 6 }} AllowedRange
 * @typedef {{ hosts: string[], ranges: AllowedRange[] }} FetchAllowList
 */

/**
 * parseFetchAllow: FETCH_ALLOW ("host, 10.0.0.0/8, ::1, …") as host names (normalised as the
 * URL parser writes them, trailing dot dropped) and address ranges (a bare address is a /32 or
 * /128). Throws one Error naming every bad entry.
 * @param {string | undefined} text
 * @returns {FetchAllowList}
 */
export function parseFetchAllow(text) {
  /** @type {FetchAllowList} */
  const list = { hosts: [], ranges: [] };
  const problems = [];
  for (const raw of (text ?? "").split(",")) {
    const entry = raw.trim();
    if (!entry) continue;
    const problem = addEntry(list, entry);
    if (problem) problems.push(`"${entry}" ${problem}`);
  }
  if (problems.length) {
    throw new Error(
      `FETCH_ALLOW takes comma-separated host names, IP addresses or CIDR ranges (10.0.0.0/8, fd00::/8): ${problems.join("; ")}`,
    );
  }
  return list;
}

/**
 * @param {FetchAllowList} list
 * @param {string} entry
 * @returns {string | null} why the entry is refused, or null once added
 */
function addEntry(list, entry) {
  const slash = entry.indexOf("/");
  if (slash >= 0) {
    const address = unbracket(entry.slice(0, slash));
    const prefixText = entry.slice(slash + 1);
    const family = isIP(address);
    if (family === 0) return "is not a CIDR range: the part before / must be an IP address";
    const max = family === 4 ? 32 : 128;
    if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > max) return `has a prefix length outside 0-${max}`;
    list.ranges.push({ address, prefix: Number(prefixText), family });
    return null;
  }
  const literal = unbracket(entry);
  const family = isIP(literal);
  if (family !== 0) {
    list.ranges.push({ address: literal, prefix: family === 4 ? 32 : 128, family });
    return null;
  }
  if (/[*\s@:?#\\]/.test(entry)) return "is not a host name (no wildcards, ports, paths or user names)";
  let hostname;
  try {
    const url = new URL(`http://${entry}/`);
    if (url.pathname !== "/" || url.host !== url.hostname) return "is not a host name";
    hostname = url.hostname;
  } catch {
    return "is not a host name";
  }
  // The URL parser reads 127.1 or 0x7f.1 as 127.0.0.1: such an entry is that address.
  if (isIP(hostname) === 4) {
    list.ranges.push({ address: hostname, prefix: 32, family: 4 });
    return null;
  }
  list.hosts.push(hostname.replace(/\.+$/, ""));
  return null;
}

/** @param {string} text */
function unbracket(text) {
  return text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
}
