// The progress of the two plans the 2023 orders asked to be reported on regularly, as of a date:
// each system still shared (or separated within the period) against its target and the orders'
// horizon, and each improvement-plan measure against its recurrence or its due date, with the
// records of the period that show it carried out. Computed from a filing's data alone (filing.json
// as a bundle carries it), so that verify computes it again and compares; the progress report's
// PDF prints it and the regulator stores it.
//
// A value the edition withholds ({"$withheld": true}) is copied as it is, and counts as unknown: a
// record whose date is withheld shows in no period. The public report is thus computed from the
// public filing.json, and anyone can compute it again.
import { ORDERS_DATE, SEPARATION_HORIZON } from '../model/orders.js';
import { addDays, daysBetween } from '../model/dates.js';
import { isDate } from '../model/formats.js';
import { parseRecurrence, windowsOf, type Window } from '../model/recurrence.js';
import { toPointer } from '../util/pointer.js';
import { EvidenceIndex } from './evidence.js';

export const PROGRESS_FORMAT = 'taisei-progress';
/** How progress is judged (README, The progress report): a later way gets a new number. */
export const PROGRESS_METHOD = 1;

/** The days of the period, both inclusive (ISO dates). */
export interface Period {
  from: string;
  to: string;
}

export interface Milestone {
  index: number;
  date: string;
  description: unknown;
  /** when it was done, where the plan says */
  completed: string | null;
  /** why it is late and when it will be done, where the plan says */
  note: unknown;
}

export type SystemStatus = 'separated' | 'on-track' | 'late' | 'no-plan';

export interface SystemProgress {
  id: string;
  /** JSON pointer of the system in the filing */
  pointer: string;
  name: unknown;
  level: unknown;
  /** the separation target, where the plan has one */
  target: string | null;
  /** the day the sharing ended, on or before the as-of date */
  ended: string | null;
  status: SystemStatus;
  /** milestones done within the period */
  done: Milestone[];
  /** milestones past their date and not done as of the date */
  late: Milestone[];
  /** the next milestone not done */
  next: Milestone | null;
  /** days from the as-of date to the target (negative: past it); null without one, or once separated */
  daysToTarget: number | null;
  /** days from the as-of date to the orders' horizon (negative: past it); null once separated */
  daysToHorizon: number | null;
  /** the target lies after the horizon */
  beyondHorizon: boolean;
  /** the reason of the revision that set the present target, if any, and that revision's index */
  reason: unknown;
  reasonIndex: number | null;
  /** revisions made within the period */
  revisions: { index: number; date: string; target: string; reason: unknown }[];
}

export type MeasureStatus = 'done' | 'on-track' | 'late' | 'not-due';

export interface MeasureProgress {
  id: string;
  pointer: string;
  title: unknown;
  area: unknown;
  owner: unknown;
  /** the measure's own status as of the date: the period's progress entry, else the plan's */
  status: unknown;
  recurrence: string | null;
  due: string | null;
  /** the windows of the recurrence that ended within the period, and whether a record shows each */
  windows: (Window & { met: boolean })[];
  /** evidence dated within the period (references as the plan writes them) */
  records: string[];
  verdict: MeasureStatus;
  /** what the period's progress entry says, if there is one, and its index */
  note: unknown;
  noteIndex: number | null;
}

export interface ProgressSummary {
  systems: number;
  separated: number;
  onTrack: number;
  late: number;
  noPlan: number;
  beyondHorizon: number;
  measures: number;
  measuresLate: number;
  measuresDone: number;
  /** measures with a record in the period */
  measuresEvidenced: number;
}

export interface ProgressData {
  format: typeof PROGRESS_FORMAT;
  method: number;
  asOf: string;
  period: Period;
  ordersDate: string;
  horizon: string;
  systems: SystemProgress[];
  measures: MeasureProgress[];
  summary: ProgressSummary;
  /** systems shared and separated at each half-year's end since the orders, and at the as-of date */
  timeline: { date: string; shared: number; separated: number }[];
}

type Entry = Record<string, unknown>;

const isEntry = (v: unknown): v is Entry => v !== null && typeof v === 'object' && !Array.isArray(v);
const entries = (v: unknown): Entry[] => (Array.isArray(v) ? v.filter(isEntry) : []);
const date = (v: unknown): string | null => (typeof v === 'string' && isDate(v) ? v : null);

/** The half-year ending on `asOf`: from the day after the same day six months before. */
export function defaultPeriod(asOf: string): Period {
  const next = new Date(`${addDays(asOf, 1)}T00:00:00Z`);
  next.setUTCMonth(next.getUTCMonth() - 6);
  return { from: next.toISOString().slice(0, 10), to: asOf };
}

/** The last day of a month (YYYY-MM). */
const monthEnd = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
};

/** The fiscal year (April to March) a date falls in. */
const fiscalYearOf = (day: string) => Number(day.slice(0, 4)) - (Number(day.slice(5, 7)) < 4 ? 1 : 0);

function milestonesOf(plan: Entry | undefined): Milestone[] {
  return entries(plan?.milestones).flatMap((m, index) => {
    const planned = date(m.date);
    if (!planned) return [];
    return [{ index, date: planned, description: m.description, completed: date(m.completed), note: m.note ?? null }];
  });
}

/** When a milestone was done as of a day: its completed date; a `done` one without it, its planned date. */
function doneOn(plan: Entry | undefined, m: Milestone, asOf: string): string | null {
  if (m.completed !== null) return m.completed <= asOf ? m.completed : null;
  const raw = entries(plan?.milestones)[m.index];
  return raw?.done === true && m.date <= asOf ? m.date : raw?.done === true ? asOf : null;
}

function systemProgress(system: Entry, index: number, asOf: string, period: Period): SystemProgress | undefined {
  const sharing = isEntry(system.sharing) ? system.sharing : {};
  const endedOn = date(sharing.ended);
  const sharedNow = typeof sharing.level === 'string' && sharing.level !== 'none';
  // shared at the as-of date: shared now, or its sharing ended only after that date (a report of an
  // earlier period, made again); its level then is not in the filing, which says only the present one
  const shared = sharedNow || (endedOn !== null && endedOn > asOf);
  const ended = shared ? null : endedOn;
  // still shared, or separated within the period (a sharing that ended earlier is history)
  if (!shared && !(ended !== null && ended >= period.from && ended <= asOf)) return undefined;
  const plan = isEntry(sharing.separationPlan) ? sharing.separationPlan : undefined;
  const target = date(plan?.targetDate);
  const milestones = milestonesOf(plan);
  const when = (m: Milestone) => doneOn(plan, m, asOf);
  const done = milestones.filter((m) => {
    const day = when(m);
    return day !== null && day >= period.from && day <= asOf;
  });
  const late = milestones.filter((m) => m.date <= asOf && when(m) === null);
  const next = milestones.find((m) => when(m) === null && m.date > asOf) ?? null;
  const revisions = entries(plan?.revisions).flatMap((r, index) => {
    const on = date(r.date);
    const to = date(r.target);
    return on && to ? [{ index, date: on, target: to, reason: r.reason }] : [];
  });
  const setting = [...revisions].reverse().find((r) => r.target === target);
  const separated = !shared && ended !== null;
  const status: SystemStatus = separated
    ? 'separated'
    : !plan
      ? 'no-plan'
      : late.length > 0 || (target !== null && target < asOf)
        ? 'late'
        : 'on-track';
  return {
    id: String(system.id),
    pointer: toPointer(['systems', index]),
    name: system.name,
    level: sharedNow || !shared ? sharing.level : null,
    target,
    ended: separated ? ended : null,
    status,
    done,
    late: separated ? [] : late,
    next: separated ? null : next,
    daysToTarget: separated || target === null ? null : daysBetween(asOf, target),
    daysToHorizon: separated ? null : daysBetween(asOf, SEPARATION_HORIZON),
    beyondHorizon: target !== null && target > SEPARATION_HORIZON,
    reason: setting?.reason ?? null,
    reasonIndex: setting?.index ?? null,
    revisions: revisions.filter((r) => r.date >= period.from && r.date <= asOf),
  };
}

function measureProgress(measure: Entry, index: number, asOf: string, period: Period, evidence: EvidenceIndex): MeasureProgress {
  const refs = Array.isArray(measure.evidence) ? measure.evidence.filter((r): r is string => typeof r === 'string') : [];
  const spans = refs.map((ref) => ({ ref, months: evidence.resolve(ref)?.months ?? [] }));
  const fromMonth = period.from.slice(0, 7);
  const toMonth = asOf.slice(0, 7);
  const records = spans.filter((s) => s.months.some((m) => m.from <= toMonth && m.to >= fromMonth)).map((s) => s.ref);
  // the period's own entry of the progress record: the latest within it
  const entry = (Array.isArray(measure.progress) ? measure.progress : [])
    .map((p: unknown, index: number) => ({ p: isEntry(p) ? p : {}, index }))
    .filter(({ p }) => {
      const on = date(p.asOf);
      return on !== null && on >= period.from && on <= asOf;
    })
    .sort((a, b) => (String(a.p.asOf) < String(b.p.asOf) ? -1 : String(a.p.asOf) > String(b.p.asOf) ? 1 : a.index - b.index))
    .pop();
  const status = entry?.p.status ?? measure.status;
  const start = date(measure.start);
  const recurrenceText = typeof measure.recurrence === 'string' ? measure.recurrence : null;
  const recurrence = recurrenceText ? parseRecurrence(recurrenceText) : undefined;
  const windows: MeasureProgress['windows'] = [];
  if (recurrence && status !== 'not-started') {
    for (let year = fiscalYearOf(period.from); year <= fiscalYearOf(asOf); year++)
      for (const w of windowsOf(recurrence, year)) {
        const end = monthEnd(w.to);
        // a window that ended within the period, after the measure started
        if (end < period.from || end > asOf || (start !== null && end < start)) continue;
        const met = spans.some((s) => s.months.some((m) => m.from <= w.to && m.to >= w.from));
        windows.push({ ...w, met });
      }
  }
  const due = date(measure.due);
  let verdict: MeasureStatus;
  if (status === 'done') verdict = 'done';
  else if (windows.some((w) => !w.met) || (due !== null && due <= asOf)) verdict = 'late';
  else if (start !== null && start > asOf) verdict = 'not-due';
  else verdict = 'on-track';
  return {
    id: String(measure.id),
    pointer: toPointer(['improvementPlan', index]),
    title: measure.title,
    area: measure.area,
    owner: measure.owner,
    status: status ?? null,
    recurrence: recurrenceText,
    due,
    windows,
    records,
    verdict,
    note: entry?.p.note ?? null,
    noteIndex: entry && entry.p.note !== undefined ? entry.index : null,
  };
}

/** The half-year ends (30 September, 31 March) after the orders, up to the as-of date, and that date. */
function timelineDates(asOf: string): string[] {
  const out: string[] = [];
  for (let year = Number(ORDERS_DATE.slice(0, 4)); ; year++) {
    for (const day of [`${year}-03-31`, `${year}-09-30`]) if (day > ORDERS_DATE && day < asOf) out.push(day);
    if (year >= Number(asOf.slice(0, 4))) break;
  }
  return [...out, asOf];
}

/** The progress of the filing's plans as of `asOf`, over `period` (default: the half-year ending then). */
export function progressOf(data: Record<string, unknown>, asOf: string, period: Period = defaultPeriod(asOf)): ProgressData {
  const systems = entries(data.systems);
  const tracked = systems.flatMap((s, i) => systemProgress(s, i, asOf, period) ?? []);
  const evidence = new EvidenceIndex(data);
  const measures = entries(data.improvementPlan).map((m, i) => measureProgress(m, i, asOf, period, evidence));
  // every system ever shared since the orders: shared now, or with the day its sharing ended
  const history = systems.flatMap((s) => {
    const sharing = isEntry(s.sharing) ? s.sharing : {};
    const ended = date(sharing.ended);
    const shared = typeof sharing.level === 'string' && sharing.level !== 'none';
    if (!shared && (ended === null || ended < ORDERS_DATE)) return [];
    return [{ ended: shared ? null : ended, introduced: date(s.introduced) }];
  });
  const timeline = timelineDates(asOf).map((day) => {
    const present = history.filter((h) => h.introduced === null || h.introduced <= day);
    const separated = present.filter((h) => h.ended !== null && h.ended <= day).length;
    return { date: day, shared: present.length - separated, separated };
  });
  const count = (status: SystemStatus) => tracked.filter((s) => s.status === status).length;
  return {
    format: PROGRESS_FORMAT,
    method: PROGRESS_METHOD,
    asOf,
    period,
    ordersDate: ORDERS_DATE,
    horizon: SEPARATION_HORIZON,
    systems: tracked,
    measures,
    summary: {
      systems: tracked.length,
      separated: count('separated'),
      onTrack: count('on-track'),
      late: count('late'),
      noPlan: count('no-plan'),
      beyondHorizon: tracked.filter((s) => s.status !== 'separated' && s.beyondHorizon).length,
      measures: measures.length,
      measuresLate: measures.filter((m) => m.verdict === 'late').length,
      measuresDone: measures.filter((m) => m.verdict === 'done').length,
      measuresEvidenced: measures.filter((m) => m.records.length > 0).length,
    },
    timeline,
  };
}
