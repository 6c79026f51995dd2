// Pure helpers to show and export audit entries (no database; pages and the CSV use them).

export type AuditChange = { key: string; before: string | null; after: string | null };

/** parseJsonObject: a stored before/after (JSON text), or null when absent or not an object. */
export function parseJsonObject(text: string | null): Record<string, unknown> | null {
  if (!text) return null;
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

function show(value: unknown): string | null {
  if (value === undefined) return null;
  if (value === null) return "—";
  if (Array.isArray(value)) return value.map((item) => show(item) ?? "").join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/**
 * describeChange: before → after as readable lines, one per field that differs (every field
 * when only one side exists), in the order the fields first appear.
 */
export function describeChange(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
): AuditChange[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const changes: AuditChange[] = [];
  for (const key of keys) {
    const from = before ? show(before[key]) : null;
    const to = after ? show(after[key]) : null;
    if (from !== to || !before || !after) changes.push({ key, before: from, after: to });
  }
  return changes;
}

/**
 * csvCell: one CSV field, safe to open in a spreadsheet: a value that starts with = + - @ (or a
 * tab or carriage return) is prefixed with ' so it is never read as a formula; quoted when needed.
 */
function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? "" : value instanceof Date ? value.toISOString() : String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** csvRow: one line (CRLF, as RFC 4180 says). */
export function csvRow(values: readonly unknown[]): string {
  return `${values.map(csvCell).join(",")}\r\n`;
}
