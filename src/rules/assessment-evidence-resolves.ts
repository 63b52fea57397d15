// Every reference of the self-assessment and the improvement plan resolves: evidence to an entry of
// the filing ("trainings/TR-01"), a check item's plan to a measure of the improvement plan.
import { evaluationOf } from '../assessment/evaluate.js';
import { toPointer } from '../util/pointer.js';
import { suggest } from '../util/suggest.js';
import { defineRule, type RuleMessages, type Report } from './types.js';
import { list } from './util.js';

type Refs = { evidence?: string[]; plan?: string[] };

/** The rule's wording, in both languages: a missing or extra key is a type error. */
const messages = {
  en: {
    title: 'Every evidence and plan reference of the self-assessment resolves',
    why: "The self-assessment and the improvement plan prove their measures by pointing at the filing's own entries (a training, a log review, a rule…). A reference that points at nothing proves nothing, and the readiness score does not count it.",
    fix: 'write the list path and the id of an existing entry, e.g. trainings/TRN-01 or organisation/managementBodies/MB-1; a plan reference is an id of improvementPlan',
    example: 'selfAssessment:\n  CE-2:\n    status: in-place\n    evidence: [trainings/TRN-01, rules/RULE-01]',
    msg: {
      evidence: '"{ref}" is not an entry of this filing',
      evidenceNear: '"{ref}" is not an entry of this filing; did you mean {near}?',
      plan: '"{ref}" is not an id in improvementPlan',
      planNear: '"{ref}" is not an id in improvementPlan; did you mean {near}?',
    },
  },
  ja: {
    title: '自己評価と改善計画の参照先が存在する',
    why: '自己評価と改善計画は、報告書自身の記載（研修、アクセス記録の確認、規程など）を指して措置を裏付ける。存在しない記載を指す参照は何も裏付けず、準備度の計算にも数えない。',
    fix: '一覧のパスと、存在する記載の id を書いてください（例: trainings/TRN-01、organisation/managementBodies/MB-1）。plan には improvementPlan の id を書きます',
    example: 'selfAssessment:\n  CE-2:\n    status: in-place\n    evidence: [trainings/TRN-01, rules/RULE-01]',
    msg: {
      evidence: '「{ref}」はこの報告書の記載ではありません',
      evidenceNear: '「{ref}」はこの報告書の記載ではありません。{near} の誤りではありませんか',
      plan: '「{ref}」は improvementPlan の id ではありません',
      planNear: '「{ref}」は improvementPlan の id ではありません。{near} の誤りではありませんか',
    },
  },
} satisfies RuleMessages;

export const rule = defineRule({
  id: 'assessment/evidence-resolves',
  messages,
  basis: '内部統制の評価の確認事項',
  severity: 'error',
  sinceSchema: 2,
  check({ data, report }) {
    const { evidence } = evaluationOf(data);
    const known = evidence.refs();
    const planIds = list(data.improvementPlan).map((m) => m.id);
    const unresolved = (
      path: (string | number)[],
      ref: string,
      candidates: string[],
      kind: 'evidence' | 'plan',
    ): Report<keyof typeof messages.en.msg> => {
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
});
