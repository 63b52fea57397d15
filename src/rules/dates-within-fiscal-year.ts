// The year's facts are dated within the fiscal year reported (April 1 – March 31). Dates that are by
// nature earlier or later — establishment, appointment, revision, plans and targets, the reviewed
// period of a log review, completion of a correction — are not checked.
import { currentSchemaIndex } from '../model/current-schema.js';
import { sectionFacts } from '../model/sections.js';
import { toPointer } from '../util/pointer.js';
import type { Rule } from './types.js';
import { fiscalYearBounds, list, within } from './util.js';

type Entry = Record<string, unknown>;

export const rule: Rule = {
  id: 'dates/within-fiscal-year',
  basis: '施行規則第33条の16（当該事業年度に係る事項）',
  severity: 'error',
  check({ data, report }) {
    if (typeof data.fiscalYear !== 'number') return;
    const bounds = fiscalYearBounds(data.fiscalYear);
    // where the year's dates are: x-taisei-in-year in the schema
    for (const spec of sectionFacts(currentSchemaIndex()).inYear) {
      const entries = list(spec.list.reduce<unknown>((v, k) => (v as Entry | undefined)?.[k], data) as Entry[] | undefined);
      entries.forEach((entry, i) => {
        const value = spec.field.reduce<unknown>((v, k) => (v as Entry | undefined)?.[k], entry);
        const dates = Array.isArray(value) ? value.map((d, j) => [d, j] as const) : [[value, undefined] as const];
        for (const [date, j] of dates) {
          if (typeof date === 'string' && !within(date, bounds)) {
            report({ pointer: toPointer([...spec.list, i, ...spec.field, ...(j === undefined ? [] : [j])]), message: 'outside', args: { date, from: bounds.from, to: bounds.to } });
          }
        }
      });
    }
  },
};
