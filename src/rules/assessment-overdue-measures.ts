// A measure of the improvement plan whose due date passed before the filing's submission date and
// that is not done is worth a word in the report: a warning, not an error (the plan may be late).
import { toPointer } from '../util/pointer.js';
import type { Rule } from './types.js';
import { list } from './util.js';

export const rule: Rule = {
  id: 'assessment/overdue-measures',
  basis: '内部統制の改善計画',
  severity: 'warning',
  sinceSchema: 2,
  check({ data, report }) {
    const today = data.submissionDate;
    if (typeof today !== 'string') return;
    list(data.improvementPlan).forEach((measure, i) => {
      if (measure.due && measure.due < today && measure.status !== 'done') {
        report({ pointer: toPointer(['improvementPlan', i, 'status']), message: 'overdue', args: { measure: measure.title, due: measure.due, date: today } });
      }
    });
  },
};
