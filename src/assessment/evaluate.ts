// The internal-control self-assessment, evaluated: which check items apply, what the plan's
// recurring measures needed this year and what the year's facts show, and the readiness score.
//
// The score (documented in docs/assessment.md), per area and overall, over the check items that
// apply to the filer type (an item the filer marks 該当しない is left out, unless it is ★):
//   整備  coverage    Σ(整備済み 1, 一部整備 ½, 整備予定 or not assessed 0) ÷ items
//   根拠  evidence    items with at least one evidence reference that resolves ÷ items
//   定期  recurrences windows met ÷ windows due, for the plan's recurring measures under way
//   準備度 readiness   50 % coverage + 30 % evidence + 20 % recurrences; where no window was due,
//                     the recurrence share is left out and the other two keep their proportion
// All four are percentages, rounded to one decimal place only when shown or stored.
import type { CatalogueData as Catalogue } from '../model/generated/data.js';
import { internalControl } from '../model/generated/data.js';
import type { Filing } from '../model/generated/filing.js';
import { toPointer } from '../util/pointer.js';
import { EvidenceIndex } from './evidence.js';
import { parseRecurrence, windowsOf, type Window } from '../model/recurrence.js';

type Data = Partial<Filing>;
type Assessment = { status: string; evidence?: string[]; measures?: string[]; plan?: string[]; note?: string };
type Measure = NonNullable<Filing['improvementPlan']>[number];
export type CatalogueItem = Catalogue['items'][number];

export interface Counts {
  /** check items that apply (the denominator of coverage and evidence) */
  items: number;
  inPlace: number;
  partly: number;
  /** items with evidence that resolves */
  evidenced: number;
  /** recurrence windows due, and met */
  windows: number;
  met: number;
}

export interface Scored extends Counts {
  coverage: number;
  evidence: number;
  /** undefined when no window was due */
  recurrences?: number;
  readiness: number;
}

export interface MeasureRecurrence {
  index: number;
  pointer: string;
  measure: Measure;
  due: Window[];
  missed: Window[];
}

export interface Evaluation {
  catalogue: Catalogue;
  /** Whether the catalogue is asked for in the filing's fiscal year. */
  inForce: boolean;
  /** The check items that apply to the filer type, in catalogue order. */
  applicable: CatalogueItem[];
  areas: ({ id: string } & Scored)[];
  overall: Scored;
  recurrences: MeasureRecurrence[];
  evidence: EvidenceIndex;
}

export const WEIGHTS = { coverage: 0.5, evidence: 0.3, recurrences: 0.2 } as const;

/** Whether an assessment entry addresses its check item. */
export function addresses(entry: Assessment | undefined): boolean {
  return entry !== undefined && entry.status !== 'not-applicable';
}

const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/**
 * Robust to what a public edition may hold: a withheld value (an object marker or anything not of
 * its schema type) counts as absent.
 */
export function evaluate(data: Data, catalogue: Catalogue = internalControl): Evaluation {
  const evidence = new EvidenceIndex(data as Record<string, unknown>);
  const assessments: Record<string, Assessment | undefined> = {};
  if (isObject(data.selfAssessment)) {
    for (const [id, entry] of Object.entries(data.selfAssessment)) {
      if (isObject(entry))
        assessments[id] = { status: typeof entry.status === 'string' ? entry.status : '', evidence: strings(entry.evidence) };
    }
  }
  const filerType = data.filerType;
  const fiscalYear = data.fiscalYear;
  const inForce =
    typeof fiscalYear === 'number' &&
    fiscalYear >= catalogue.fiscalYears.from &&
    (catalogue.fiscalYears.to === undefined || fiscalYear <= catalogue.fiscalYears.to);
  const applicable = catalogue.items.filter((item) => filerType !== undefined && item.appliesTo.includes(filerType));
  const recurrences = typeof fiscalYear === 'number' ? planRecurrences(data, fiscalYear, evidence) : [];

  const zero = (): Counts => ({ items: 0, inPlace: 0, partly: 0, evidenced: 0, windows: 0, met: 0 });
  const byArea = new Map<string, Counts>(catalogue.areas.map((a) => [a.id, zero()]));
  for (const item of applicable) {
    const entry = assessments[item.id];
    if (entry?.status === 'not-applicable' && !item.starred) continue;
    const counts = byArea.get(item.area)!;
    counts.items++;
    if (entry?.status === 'in-place') counts.inPlace++;
    if (entry?.status === 'partly') counts.partly++;
    if (addresses(entry) && (entry!.evidence ?? []).some((ref) => evidence.resolve(ref))) counts.evidenced++;
  }
  for (const r of recurrences) {
    const counts = typeof r.measure.area === 'string' ? byArea.get(r.measure.area) : undefined;
    if (!counts) continue;
    counts.windows += r.due.length;
    counts.met += r.due.length - r.missed.length;
  }
  const total = zero();
  for (const counts of byArea.values()) for (const key of Object.keys(total) as (keyof Counts)[]) total[key] += counts[key];
  return {
    catalogue,
    inForce,
    applicable,
    areas: [...byArea].filter(([, c]) => c.items > 0 || c.windows > 0).map(([id, c]) => ({ id, ...score(c) })),
    overall: score(total),
    recurrences,
    evidence,
  };
}

export function score(counts: Counts): Scored {
  const ratio = (a: number, b: number) => (b === 0 ? 0 : (100 * a) / b);
  const coverage = ratio(counts.inPlace + counts.partly / 2, counts.items);
  const evidence = ratio(counts.evidenced, counts.items);
  const recurrences = counts.windows === 0 ? undefined : ratio(counts.met, counts.windows);
  const readiness =
    recurrences === undefined
      ? (WEIGHTS.coverage * coverage + WEIGHTS.evidence * evidence) / (WEIGHTS.coverage + WEIGHTS.evidence)
      : WEIGHTS.coverage * coverage + WEIGHTS.evidence * evidence + WEIGHTS.recurrences * recurrences;
  return { ...counts, coverage, evidence, ...(recurrences === undefined ? {} : { recurrences }), readiness };
}

/**
 * The windows each recurring measure of the plan needed in the fiscal year (from the month it
 * started; none for a measure not started), and those its evidence does not show.
 */
function planRecurrences(data: Data, fiscalYear: number, index: EvidenceIndex): MeasureRecurrence[] {
  const out: MeasureRecurrence[] = [];
  const plan: unknown[] = Array.isArray(data.improvementPlan) ? data.improvementPlan : [];
  plan.forEach((value, i) => {
    if (!isObject(value)) return;
    const measure = value as unknown as Measure;
    if (typeof measure.recurrence !== 'string' || measure.status === 'not-started') return;
    const recurrence = parseRecurrence(measure.recurrence);
    if (!recurrence) return;
    const startMonth = typeof measure.start === 'string' ? measure.start.slice(0, 7) : '';
    const due = windowsOf(recurrence, fiscalYear).filter((w) => w.to >= startMonth);
    const spans = strings(measure.evidence).flatMap((ref) => index.resolve(ref)?.months ?? []);
    // a window is met by an entry dated in it, or by an activity whose period overlaps it
    const missed = due.filter((w) => !spans.some((m) => m.from <= w.to && m.to >= w.from));
    out.push({ index: i, pointer: toPointer(['improvementPlan', i]), measure, due, missed });
  });
  return out;
}

/** Rounded for display and for the bundle: one decimal place. */
export const round1 = (value: number) => Math.round(value * 10) / 10;

const cache = new WeakMap<object, Evaluation>();

/** evaluate(), once per filing object: the rules and the renderer share it. */
export function evaluationOf(data: Data): Evaluation {
  let evaluation = cache.get(data);
  if (!evaluation) cache.set(data, (evaluation = evaluate(data)));
  return evaluation;
}
