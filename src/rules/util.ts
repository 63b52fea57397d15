// Small helpers rules share.
import type { Filing } from '../model/generated/filing.js';

export type Data = Partial<Filing>;

/** The entries of a list (an absent list is empty). */
export function list<T>(value: T[] | undefined | null): T[] {
  return Array.isArray(value) ? value : [];
}

export function byId<T extends { id: string }>(entries: T[]): Map<string, { entry: T; index: number }> {
  const map = new Map<string, { entry: T; index: number }>();
  entries.forEach((entry, index) => {
    if (!map.has(entry.id)) map.set(entry.id, { entry, index });
  });
  return map;
}

/** First and last day of fiscal year N (April N – March N+1), as ISO dates. */
export function fiscalYearBounds(fiscalYear: number): { from: string; to: string } {
  return { from: `${fiscalYear}-04-01`, to: `${fiscalYear + 1}-03-31` };
}

/** ISO dates compare as strings. */
export function within(date: string, bounds: { from: string; to: string }): boolean {
  return date >= bounds.from && date <= bounds.to;
}

export { addDays } from '../model/dates.js';

/** Whether a system holds 非公開情報 (the default). */
export function holdsNonPublic(system: { holdsNonPublic?: boolean }): boolean {
  return system.holdsNonPublic !== false;
}
