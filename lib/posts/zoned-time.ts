/** Offset (ms) of `timeZone` from UTC at `instant`. */
function offsetAt(instant: Date, timeZone: string): number {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const asUtc = Date.UTC(+parts.year!, +parts.month! - 1, +parts.day!, +parts.hour!, +parts.minute!, +parts.second!);
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * wallTimeToDate: a datetime-local value ("2026-11-30T09:30") read as wall time in `timeZone`
 * (the instance's TIME_ZONE, the zone every date is shown in). Two passes settle DST edges.
 */
export function wallTimeToDate(local: string, timeZone: string): Date {
  const [date, time = "00:00"] = local.split("T");
  const [y, m, d] = date!.split("-").map(Number);
  const [hh, mm, ss = 0] = time.split(":").map(Number);
  const guess = Date.UTC(y!, m! - 1, d!, hh!, mm!, ss);
  const first = guess - offsetAt(new Date(guess), timeZone);
  return new Date(guess - offsetAt(new Date(first), timeZone));
}

/** dateToWallTime: the datetime-local value ("YYYY-MM-DDTHH:mm") of an instant in `timeZone`. */
function dateToWallTime(instant: Date, timeZone: string): string {
  const shifted = new Date(instant.getTime() + offsetAt(instant, timeZone));
  return shifted.toISOString().slice(0, 16);
}

/** scheduleSuggestion: the schedule field's starting value: the planned date, else tomorrow 9:00. */
export function scheduleSuggestion(planned: Date | null, timeZone: string, now: Date = new Date()): string {
  if (planned && planned > now) return dateToWallTime(planned, timeZone);
  return `${dateToWallTime(new Date(now.getTime() + 24 * 3600_000), timeZone).slice(0, 10)}T09:00`;
}
