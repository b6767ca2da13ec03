/** The first instant (epoch ms) of the calendar month `monthsBack` before the one `now` is in. */
export function monthStart(now: number, utcOffsetMinutes: number, monthsBack = 0): number {
  const offsetMs = utcOffsetMinutes * 60_000;
  const local = new Date(now + offsetMs);
  return Date.UTC(local.getUTCFullYear(), local.getUTCMonth() - monthsBack, 1) - offsetMs;
}
