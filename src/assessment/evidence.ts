// Evidence references: "<list path>/<id>", pointing at an entry of the filing's own lists, e.g.
// trainings/TR-2024-01, logReviews/LR-001, organisation/managementBodies/MB-1. The schema's pattern
// names the lists that may be referred to; this table says where each list is and which of its
// fields date an entry (when the measure it evidences was carried out).
import { toPointer } from '../util/pointer.js';

interface Kind {
  /** Where the list is in the filing. */
  path: string[];
  /** The fields whose dates say when the entry happened: a date, a list of dates, or a period (its end). */
  dates: string[];
}

export const EVIDENCE_KINDS: Readonly<Record<string, Kind>> = {
  rules: { path: ['rules'], dates: [] },
  systems: { path: ['systems'], dates: [] },
  trainings: { path: ['trainings'], dates: ['dates'] },
  logReviews: { path: ['logReviews'], dates: ['reviewed'] },
  informationManagement: { path: ['informationManagement'], dates: ['dates'] },
  managementMeasures: { path: ['managementMeasures'], dates: ['dates'] },
  otherMeasures: { path: ['otherMeasures'], dates: ['dates'] },
  'organisation/managementBodies': { path: ['organisation', 'managementBodies'], dates: [] },
  'organisation/earlyDetection/channels': { path: ['organisation', 'earlyDetection', 'channels'], dates: [] },
  'compliance/rulesAndPlans': { path: ['compliance', 'rulesAndPlans'], dates: ['date'] },
  'compliance/activities': { path: ['compliance', 'activities'], dates: ['period'] },
  'monitoring/activities': { path: ['monitoring', 'activities'], dates: ['period'] },
  'monitoring/boardReports': { path: ['monitoring', 'boardReports'], dates: ['date'] },
  'premises/rooms': { path: ['premises', 'rooms'], dates: [] },
  attachments: { path: ['attachments'], dates: [] },
};

export interface Resolved {
  /** JSON pointer of the entry. */
  pointer: string;
  /** ISO dates on which the entry happened (none for standing facts such as rules or systems). */
  dates: string[];
}

type Entry = Record<string, unknown>;

/** Index of the filing's referable entries, built once per filing. */
export class EvidenceIndex {
  private readonly entries = new Map<string, Resolved>();

  constructor(data: Record<string, unknown>) {
    for (const [name, kind] of Object.entries(EVIDENCE_KINDS)) {
      const list = kind.path.reduce<unknown>((node, key) => (node as Entry | undefined)?.[key], data);
      if (!Array.isArray(list)) continue;
      list.forEach((entry: Entry, index) => {
        if (typeof entry?.id !== 'string') return;
        const ref = `${name}/${entry.id}`;
        if (!this.entries.has(ref)) this.entries.set(ref, { pointer: toPointer([...kind.path, index]), dates: datesOf(entry, kind.dates) });
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

function datesOf(entry: Entry, fields: string[]): string[] {
  const out: string[] = [];
  for (const field of fields) {
    const value = entry[field];
    if (typeof value === 'string') out.push(value);
    else if (Array.isArray(value)) out.push(...value.filter((v): v is string => typeof v === 'string'));
    else if (value && typeof value === 'object' && typeof (value as { to?: unknown }).to === 'string') out.push((value as { to: string }).to);
  }
  return out;
}
