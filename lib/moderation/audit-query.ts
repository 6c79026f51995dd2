import type { AuditFilters } from "./audit-log";

const KEYS = ["action", "actor", "subject", "blog", "from", "to", "cursor"] as const;

/** auditQueryOf: the log's filters from a page's search params or a URL's query (first value of each, strings only). */
export function auditQueryOf(params: URLSearchParams | Record<string, string | string[] | undefined>): AuditFilters {
  const get = (key: string) => {
    const value = params instanceof URLSearchParams ? params.get(key) : params[key];
    const first = Array.isArray(value) ? value[0] : value;
    return typeof first === "string" && first ? first.slice(0, 200) : undefined;
  };
  return Object.fromEntries(KEYS.map((key) => [key, get(key)]).filter(([, value]) => value)) as AuditFilters;
}
