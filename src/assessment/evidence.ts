// Evidence references: "<list path>/<id>", pointing at an entry of the filing's own lists, e.g.
// trainings/TR-2024-01, logReviews/LR-001, organisation/managementBodies/MB-1. The schema says which
// lists may be referred to and which of their fields date an entry (when the measure it evidences
// was carried out): x-taisei-evidence, read by model/sections.ts; its evidenceRef pattern names the
// same lists (tests/structure.test.ts holds the two together).
import { currentSectionFacts } from '../model/current-schema.js';
import type { EvidenceKind } from '../model/sections.js';
import { getAt, toPointer } from '../util/pointer.js';

let kinds: Map<string, EvidenceKind> | undefined;

/** The lists that may be named as evidence, by name (x-taisei-evidence in the schema). */
export function evidenceKinds(): ReadonlyMap<string, EvidenceKind> {
  kinds ??= new Map(currentSectionFacts().evidence.map((kind) => [kind.name, kind]));
  return kinds;
}

/** Months (YYYY-MM), inclusive: one month for a dated entry, the months of its period for an activity. */
export interface MonthSpan {
  from: string;
  to: string;
}

export interface Resolved {
  /** JSON pointer of the entry. */
  pointer: string;
  /** When the entry happened (none for standing facts such as rules or systems). */
  months: MonthSpan[];
}

type Entry = Record<string, unknown>;

/** Index of the filing's referable entries, built once per filing. */
export class EvidenceIndex {
  private readonly entries = new Map<string, Resolved>();

  constructor(data: Record<string, unknown>) {
    for (const [name, kind] of evidenceKinds()) {
      const list = getAt(data, kind.path);
      if (!Array.isArray(list)) continue;
      list.forEach((entry: Entry, index) => {
        if (typeof entry?.id !== 'string') return;
        const ref = `${name}/${entry.id}`;
        if (!this.entries.has(ref))
          this.entries.set(ref, { pointer: toPointer([...kind.path, index]), months: monthsOf(entry, kind.dated) });
      });
    }
  }

  resolve(ref: string): Resolved | undefined {
    return this.entries.get(ref);
  }

  /** Every reference that resolves (for "did you mean"). */
  refs(): string[] {
    return [...this.entries.keys()];
  }
}

function monthsOf(entry: Entry, fields: string[]): MonthSpan[] {
  const month = (date: string): MonthSpan => ({ from: date.slice(0, 7), to: date.slice(0, 7) });
  const out: MonthSpan[] = [];
  for (const field of fields) {
    const value = entry[field];
    if (typeof value === 'string') out.push(month(value));
    else if (Array.isArray(value)) out.push(...value.filter((v): v is string => typeof v === 'string').map(month));
    else if (value && typeof value === 'object') {
      const { from, to } = value as { from?: unknown; to?: unknown };
      if (typeof from === 'string' && typeof to === 'string') out.push({ from: from.slice(0, 7), to: to.slice(0, 7) });
    }
  }
  return out;
}
