// Every ★ check item of the internal-control catalogue is addressed by a filer it applies to
// (一般送配電事業者): it has a self-assessment entry, and the entry does not call it 該当しない.
import { addresses, evaluationOf } from '../assessment/evaluate.js';
import { toPointer } from '../util/pointer.js';
import type { Rule } from './types.js';

export const rule: Rule = {
  id: 'assessment/starred-items',
  basis: '内部統制の評価の確認事項（★）',
  severity: 'error',
  sinceSchema: 2,
  check({ data, report }) {
    const evaluation = evaluationOf(data);
    if (!evaluation.inForce) return;
    const starred = evaluation.applicable.filter((item) => item.starred);
    if (starred.length === 0) return;
    const assessments = data.selfAssessment as Record<string, { status: string } | undefined> | undefined;
    if (assessments === undefined) {
      report({ pointer: '', message: 'noSection', args: { items: starred.map((i) => i.id).join(', ') } });
      return;
    }
    for (const item of starred) {
      const entry = assessments[item.id];
      if (addresses(entry)) continue;
      if (entry) report({ pointer: toPointer(['selfAssessment', item.id, 'status']), message: 'notApplicable', args: { item: item.id } });
      else report({ pointer: '/selfAssessment', target: 'key', message: 'missing', args: { item: item.id, text: item.ja } });
    }
  },
};
