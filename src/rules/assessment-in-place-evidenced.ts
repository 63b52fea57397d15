// A check item of the self-assessment marked in place (整備済み) names the filing's entries that show
// it; one that names none is worth a word — an info, not an error: the measure may well be in place.
import { toPointer } from '../util/pointer.js';
import { defineRule, type RuleMessages } from './types.js';
import { list } from './util.js';

/** The rule's wording, in both languages: a missing or extra key is a type error. */
const messages = {
  en: {
    title: 'A check item marked in place names its evidence',
    why: "The self-assessment says, for each check item, whether its measures are in place. An item marked in-place that points at none of the filing's entries (a rule, a training, a log review…) asks the reader to take it on trust, and the readiness score counts it as unevidenced.",
    fix: 'list in evidence the entries of this filing that show the measure (e.g. trainings/TRN-01), or mark the item partly',
    example: 'selfAssessment:\n  CE-2:\n    status: in-place\n    evidence: [trainings/TRN-01, rules/RULE-01]',
    msg: {
      noEvidence: 'the check item {item} is marked in place but names no evidence',
    },
  },
  ja: {
    title: '整備済みとした確認事項に根拠の記載がある',
    why: '自己評価では確認事項ごとに措置の整備の状況を示す。整備済み（in-place）としながら、この報告書の記載（規程、研修、アクセス記録の確認など）を一つも根拠に挙げていない確認事項は、読み手に確かめようがなく、整備度の評価でも根拠なしと数える。',
    fix: '措置を示すこの報告書の記載を evidence に挙げる（例: trainings/TRN-01）か、状況を一部整備（partly）にしてください',
    example: 'selfAssessment:\n  CE-2:\n    status: in-place\n    evidence: [trainings/TRN-01, rules/RULE-01]',
    msg: {
      noEvidence: '確認事項 {item} は整備済みとされていますが、根拠の記載がありません',
    },
  },
} satisfies RuleMessages;

export const rule = defineRule({
  id: 'assessment/in-place-evidenced',
  messages,
  basis: '内部統制の評価の確認事項',
  severity: 'info',
  sinceSchema: 2,
  check({ data, report }) {
    const assessments = (data.selfAssessment ?? {}) as Record<string, { status?: string; evidence?: string[] } | undefined>;
    for (const [item, entry] of Object.entries(assessments)) {
      if (entry?.status === 'in-place' && list(entry.evidence).length === 0) {
        report({ pointer: toPointer(['selfAssessment', item, 'status']), message: 'noEvidence', args: { item } });
      }
    }
  },
});
