// Every recurring measure of the improvement plan under way shows, in its evidence, an occurrence
// in each window of the fiscal year its recurrence names (from the month it started): a half-yearly
// log analysis needs one in April–September and one in October–March.
import { evaluationOf } from '../assessment/evaluate.js';
import { englishNotation, japaneseNotation, parseRecurrence, type Window } from '../model/recurrence.js';
import type { Rule } from './types.js';

const show = (w: Window) => (w.from === w.to ? w.from : `${w.from}〜${w.to}`);

export const rule: Rule = {
  id: 'assessment/recurrence-evidenced',
  basis: '内部統制の改善計画',
  severity: 'warning',
  sinceSchema: 2,
  check({ data, report }) {
    for (const r of evaluationOf(data).recurrences) {
      if (r.missed.length === 0) continue;
      const recurrence = parseRecurrence(r.measure.recurrence ?? '')!;
      const args = { measure: r.measure.title, recurrence: englishNotation(recurrence), 'recurrence@ja': japaneseNotation(recurrence), windows: r.missed.map(show).join(', '), missed: r.missed.length, due: r.due.length };
      if ((r.measure.evidence ?? []).length === 0) report({ pointer: `${r.pointer}/recurrence`, message: 'noEvidence', args });
      else report({ pointer: `${r.pointer}/recurrence`, message: 'missed', args });
    }
  },
};
