// Every reference of the self-assessment and the improvement plan resolves: evidence to an entry of
// the filing ("trainings/TR-01"), a check item's plan to a measure of the improvement plan.
import { evaluationOf } from '../assessment/evaluate.js';
import { toPointer } from '../util/pointer.js';
import { suggest } from '../util/suggest.js';
import type { Report, Rule } from './types.js';
import { list } from './util.js';

type Refs = { evidence?: string[]; plan?: string[] };

export const rule: Rule = {
  id: 'assessment/evidence-resolves',
  basis: '内部統制の評価の確認事項',
  severity: 'error',
  sinceSchema: 2,
  check({ data, report }) {
    const { evidence } = evaluationOf(data);
    const known = evidence.refs();
    const planIds = list(data.improvementPlan).map((m) => m.id);
    const unresolved = (path: (string | number)[], ref: string, candidates: string[], kind: 'evidence' | 'plan'): Report => {
      const near = suggest(ref, candidates);
      return { pointer: toPointer(path), message: near ? `${kind}Near` : kind, args: { ref, near: near ?? '' } };
    };
    for (const [item, entry] of Object.entries((data.selfAssessment ?? {}) as Record<string, Refs>)) {
      list(entry.evidence).forEach((ref, j) => {
        if (!evidence.resolve(ref)) report(unresolved(['selfAssessment', item, 'evidence', j], ref, known, 'evidence'));
      });
      list(entry.plan).forEach((id, j) => {
        if (!planIds.includes(id)) report(unresolved(['selfAssessment', item, 'plan', j], id, planIds, 'plan'));
      });
    }
    list(data.improvementPlan).forEach((measure, i) => {
      list(measure.evidence).forEach((ref, j) => {
        if (!evidence.resolve(ref)) report(unresolved(['improvementPlan', i, 'evidence', j], ref, known, 'evidence'));
      });
    });
  },
};
