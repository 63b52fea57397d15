// init --from: next year's filing starts from last year's. Standing facts (premises, systems, rules,
// organisation, related companies, attachments) carry forward; the year's facts (log reviews,
// trainings, management activities, transaction records, monitoring, findings, corrections, other
// measures) are emptied — but for entries already dated in the new year, such as last January–March's
// log review carried out in April, which belong to the new filing and stay; the fiscal year and the submission date move on. The self-assessment
// stands, less the evidence that pointed at the emptied facts; the improvement plan keeps its
// measures, less the one-off ones done, and each measure's evidence is the new year's to give.
// Which facts are the year's is the schema's to say (x-taisei-yearly, model/sections.ts).
import { EvidenceIndex } from '../assessment/evidence.js';
import { currentSectionFacts } from '../model/current-schema.js';
import { getAt } from '../util/pointer.js';

function nextYear(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const moved = new Date(Date.UTC(y + years, m - 1, Math.min(d, 28)));
  if (d > 28) moved.setUTCDate(Math.min(d, new Date(Date.UTC(y + years, m, 0)).getUTCDate()));
  return moved.toISOString().slice(0, 10);
}

export interface Carried {
  data: Record<string, unknown>;
  /** Sections (or lists inside them) that were emptied and are to be filled for the new year. */
  emptied: string[];
  /**
   * Entries of the year's lists that last year's filing already held but that are dated in the new
   * year — a January–March log review carried out in April — kept, by list: they belong here.
   */
  kept: { list: string; ids: string[] }[];
}

/** Whether every date of the entry's in-year fields lies on or after `from` (and there is one). */
function datedFrom(entry: unknown, fields: string[][], from: string): boolean {
  const dates = fields.flatMap((field) => {
    const value = getAt(entry, field);
    return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === 'string');
  });
  return dates.length > 0 && dates.every((date) => date >= from);
}

export function carryForward(last: Record<string, unknown>, fiscalYear?: number): Carried {
  const from = last.fiscalYear as number;
  const year = fiscalYear ?? from + 1;
  const data: Record<string, unknown> = structuredClone(last);
  const emptied: string[] = [];
  const kept: Carried['kept'] = [];
  const newYearFrom = `${from + 1}-04-01`;
  const facts = currentSectionFacts();
  delete data.profile; // the profile in force for the new year applies
  data.fiscalYear = year;
  if (typeof last.submissionDate === 'string') data.submissionDate = nextYear(last.submissionDate, year - from);
  for (const path of facts.yearly) {
    const parent = getAt(data, path.slice(0, -1));
    const key = path[path.length - 1]!;
    if (parent === null || typeof parent !== 'object' || !(key in parent)) continue;
    const holder = parent as Record<string, unknown>;
    // a list of the year's facts starts empty, but for what is dated in the new year already; a
    // single fact of the year (a count) is left out
    const value = holder[key];
    if (Array.isArray(value)) {
      const fields = facts.inYear.filter((spec) => spec.list.join('.') === path.join('.')).map((spec) => spec.field);
      const stay = fields.length > 0 ? value.filter((entry) => datedFrom(entry, fields, newYearFrom)) : [];
      holder[key] = stay;
      if (stay.length > 0) kept.push({ list: path.join('.'), ids: stay.map((entry) => String((entry as Entry).id ?? '')) });
    } else delete holder[key];
    emptied.push(path.join('.'));
  }
  carryAssessment(data, emptied);
  return { data, emptied, kept };
}

type Entry = Record<string, unknown>;

function carryAssessment(data: Record<string, unknown>, emptied: string[]): void {
  if (Array.isArray(data.improvementPlan)) {
    const plan = (data.improvementPlan as Entry[]).filter((m) => !(m.status === 'done' && m.recurrence === undefined));
    for (const measure of plan) delete measure.evidence;
    data.improvementPlan = plan;
    emptied.push('improvementPlan[].evidence');
  }
  const assessment = data.selfAssessment as Record<string, Entry> | undefined;
  if (!assessment || typeof assessment !== 'object') return;
  const index = new EvidenceIndex(data);
  const planIds = new Set(((data.improvementPlan as Entry[] | undefined) ?? []).map((m) => m.id));
  let dropped = false;
  for (const entry of Object.values(assessment)) {
    if (Array.isArray(entry.evidence)) {
      const kept = (entry.evidence as unknown[]).filter((ref) => typeof ref === 'string' && index.resolve(ref));
      dropped ||= kept.length !== entry.evidence.length;
      entry.evidence = kept;
    }
    if (Array.isArray(entry.plan)) entry.plan = (entry.plan as unknown[]).filter((id) => planIds.has(id));
  }
  if (dropped) emptied.push('selfAssessment.*.evidence');
}
