// The recurrence notation of improvement-plan measures, and what a fiscal year must show for it.
//
// A recurrence names the windows of a fiscal year (April to March) in which the measure must happen
// at least once:
//
//   monthly       毎月         each of the twelve months
//   quarterly     四半期ごと   each quarter: Apr–Jun, Jul–Sep, Oct–Dec, Jan–Mar
//   half-yearly   半期ごと     each half: Apr–Sep, Oct–Mar
//   yearly        毎年         once in the year
//   every April and October    毎年4月・10月   each month named (English month names, joined by
//                                               commas and/or "and"; in Japanese 1–12月 joined by ・ or 、)
//
// Parsing is exact (case and surrounding spaces aside): anything else is reported, not guessed
// (nearestRecurrence offers a correction in the message, never in the data).
import { suggest } from '../util/suggest.js';

/** A window of whole months, inclusive, as ISO year-months. */
export interface Window {
  from: string;
  to: string;
}

export type Recurrence = { every: 'month' | 'quarter' | 'half' | 'year' } | { months: number[] };

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

const PERIODS: Record<string, Recurrence> = {
  monthly: { every: 'month' },
  quarterly: { every: 'quarter' },
  'half-yearly': { every: 'half' },
  yearly: { every: 'year' },
  毎月: { every: 'month' },
  四半期ごと: { every: 'quarter' },
  半期ごと: { every: 'half' },
  毎年: { every: 'year' },
};

/** The recurrence a text names, or undefined when it follows none of the documented forms. */
export function parseRecurrence(text: string): Recurrence | undefined {
  const value = text.trim().toLowerCase();
  if (Object.hasOwn(PERIODS, value)) return PERIODS[value];
  const english = /^every\s+(.+)$/.exec(value);
  if (english) {
    const names = english[1]!.split(/\s*,\s*(?:and\s+)?|\s+and\s+/);
    const months = names.map((name) => MONTHS.indexOf(name) + 1);
    return months.every((m) => m > 0) ? withMonths(months) : undefined;
  }
  const japanese = /^毎年\s*(.+)$/.exec(value);
  if (japanese) {
    const parts = japanese[1]!.split(/[・、]/);
    const months = parts.map((part) => (/^(1[0-2]|[1-9])月$/.test(part) ? Number(part.slice(0, -1)) : 0));
    return months.every((m) => m > 0) ? withMonths(months) : undefined;
  }
  return undefined;
}

/** The recurrence a mistyped text most likely means ("every Aprl and Octber" → "every April and October"), if any. */
export function nearestRecurrence(text: string): string | undefined {
  const value = text.trim().toLowerCase();
  const period = suggest(value, Object.keys(PERIODS));
  if (period) return period;
  const english = /^every\s+(.+)$/.exec(value);
  if (!english) return undefined;
  const names = english[1]!.split(/\s*,\s*(?:and\s+)?|\s+and\s+/).map((name) => (MONTHS.includes(name) ? name : suggest(name, MONTHS)));
  if (names.some((name) => name === undefined)) return undefined;
  const recurrence = parseRecurrence(`every ${names.join(' and ')}`);
  return recurrence ? englishNotation(recurrence) : undefined;
}

function withMonths(months: number[]): Recurrence | undefined {
  // a month named twice is a slip, not a second occurrence
  return new Set(months).size === months.length ? { months: [...months].sort((a, b) => fiscalOrder(a) - fiscalOrder(b)) } : undefined;
}

/** The recurrence in the notation's Japanese form (毎月, 半期ごと, 毎年4月・10月…), as a filing shows it. */
export function japaneseNotation(recurrence: Recurrence): string {
  if ('months' in recurrence) return `毎年${recurrence.months.map((m) => `${m}月`).join('・')}`;
  return Object.entries(PERIODS).find(([name, r]) => /^[^a-z]/.test(name) && 'every' in r && r.every === recurrence.every)![0];
}

/** The recurrence in the notation's English form (half-yearly, every April and October…). */
export function englishNotation(recurrence: Recurrence): string {
  if ('every' in recurrence)
    return Object.entries(PERIODS).find(([name, r]) => /^[a-z]/.test(name) && 'every' in r && r.every === recurrence.every)![0];
  const names = recurrence.months.map((m) => MONTHS[m - 1]!.replace(/^./, (c) => c.toUpperCase()));
  return `every ${names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0]}`;
}

/** April is the first month of a fiscal year. */
const fiscalOrder = (month: number) => (month + 8) % 12;

const yearMonth = (fiscalYear: number, month: number) => `${month >= 4 ? fiscalYear : fiscalYear + 1}-${String(month).padStart(2, '0')}`;

/** The windows of the fiscal year in which the measure must happen, in order. */
export function windowsOf(recurrence: Recurrence, fiscalYear: number): Window[] {
  if ('months' in recurrence) return recurrence.months.map((m) => ({ from: yearMonth(fiscalYear, m), to: yearMonth(fiscalYear, m) }));
  const size = { month: 1, quarter: 3, half: 6, year: 12 }[recurrence.every];
  const windows: Window[] = [];
  for (let start = 0; start < 12; start += size) {
    const first = ((start + 3) % 12) + 1;
    const last = ((start + size - 1 + 3) % 12) + 1;
    windows.push({ from: yearMonth(fiscalYear, first), to: yearMonth(fiscalYear, last) });
  }
  return windows;
}

/** The windows with none of the given dates (YYYY-MM-DD) in them. */
export function missedWindows(recurrence: Recurrence, fiscalYear: number, dates: readonly string[]): Window[] {
  const months = dates.map((d) => d.slice(0, 7));
  return windowsOf(recurrence, fiscalYear).filter((w) => !months.some((m) => m >= w.from && m <= w.to));
}
