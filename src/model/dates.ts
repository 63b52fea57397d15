// Date arithmetic on ISO dates (YYYY-MM-DD), as the filing writes them: in UTC, so that no time zone
// moves a day.

/** The ISO date `days` days after `date` (before it, for a negative number). */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Whole days from one ISO date to another (negative when `to` comes first). */
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
