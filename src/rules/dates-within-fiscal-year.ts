// The year's facts are dated within the fiscal year reported (April 1 – March 31). Dates that are by
// nature earlier or later — establishment, appointment, revision, plans and targets, the reviewed
// period of a log review, completion of a correction — are not checked.
import { toPointer } from '../util/pointer.js';
import type { Rule } from './types.js';
import { fiscalYearBounds, list, within } from './util.js';

type Entry = Record<string, unknown>;

/** Where the year's dates are: a list, and the date fields of its entries. */
const YEAR_DATES: { list: (string)[]; fields: string[] }[] = [
  { list: ['logReviews'], fields: ['reviewed'] },
  { list: ['trainings'], fields: ['dates'] },
  { list: ['informationManagement'], fields: ['dates'] },
  { list: ['managementMeasures'], fields: ['dates'] },
  { list: ['otherMeasures'], fields: ['dates'] },
  { list: ['transactions', 'records'], fields: ['date'] },
  { list: ['compliance', 'activities'], fields: ['period.from', 'period.to'] },
  { list: ['monitoring', 'activities'], fields: ['period.from', 'period.to'] },
  { list: ['monitoring', 'boardReports'], fields: ['date'] },
  { list: ['disasterResponses'], fields: ['response.from', 'accessGranted'] },
];

export const rule: Rule = {
  id: 'dates/within-fiscal-year',
  basis: '施行規則第33条の16（当該事業年度に係る事項）',
  severity: 'error',
  check({ data, report }) {
    if (typeof data.fiscalYear !== 'number') return;
    const bounds = fiscalYearBounds(data.fiscalYear);
    for (const spec of YEAR_DATES) {
      const entries = list(spec.list.reduce<unknown>((v, k) => (v as Entry | undefined)?.[k], data) as Entry[] | undefined);
      entries.forEach((entry, i) => {
        for (const field of spec.fields) {
          const path = field.split('.');
          const value = path.reduce<unknown>((v, k) => (v as Entry | undefined)?.[k], entry);
          const dates = Array.isArray(value) ? value.map((d, j) => [d, j] as const) : [[value, undefined] as const];
          for (const [date, j] of dates) {
            if (typeof date === 'string' && !within(date, bounds)) {
              report({ pointer: toPointer([...spec.list, i, ...path, ...(j === undefined ? [] : [j])]), message: 'outside', args: { date, from: bounds.from, to: bounds.to } });
            }
          }
        }
      });
    }
  },
};
