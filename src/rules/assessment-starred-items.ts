// Every ★ check item of the internal-control catalogue is addressed by a filer it applies to
// (一般送配電事業者): it has a self-assessment entry, and the entry does not call it 該当しない.
import { addresses, evaluationOf } from '../assessment/evaluate.js';
import { toPointer } from '../util/pointer.js';
import { defineRule, type RuleMessages } from './types.js';

/** The rule's wording, in both languages: a missing or extra key is a type error. */
const messages = {
  en: {
    title: 'Every ★ check item of the internal-control evaluation is addressed',
    why: 'Since the 2023 information-leak cases the regulator evaluates internal control on six areas and seventeen check items. Four of them (★: RA-2, IT-2, IT-3, MO-1) are asked of 一般送配電事業者 only, and each must be answered with the measures in place; 該当しない is not an answer to a ★ item.',
    fix: 'add an entry under selfAssessment for each ★ check item, with its status, measures and evidence',
    example:
      'selfAssessment:\n  RA-2:\n    status: in-place\n    measures: [重要情報を台帳で特定し、年1回見直している。]\n    evidence: [informationManagement/IM-2024-01]',
    msg: {
      noSection: 'the filing has no selfAssessment; a 一般送配電事業者 must address the ★ check items {items}',
      missing: 'the ★ check item {item} ({text}) is not addressed',
      notApplicable: 'the ★ check item {item} is asked of every 一般送配電事業者; it cannot be 該当しない',
    },
  },
  ja: {
    title: '内部統制の評価の★の確認事項にすべて答えている',
    why: '2023年の情報漏えい事案の後、内部統制は6区分・17項目の確認事項で評価される。そのうち★の4項目（RA-2・IT-2・IT-3・MO-1）は一般送配電事業者にだけ求められ、講じている措置で答える必要がある。★の項目に「該当しない」とは答えられない。',
    fix: 'selfAssessment に★の確認事項ごとの記載（状況・措置・根拠）を追加してください',
    example:
      'selfAssessment:\n  RA-2:\n    status: in-place\n    measures: [重要情報を台帳で特定し、年1回見直している。]\n    evidence: [informationManagement/IM-2024-01]',
    msg: {
      noSection: '内部統制の自己評価（selfAssessment）がありません。一般送配電事業者は★の確認事項 {items} に答える必要があります',
      missing: '★の確認事項 {item}（{text}）に答えていません',
      notApplicable: '★の確認事項 {item} はすべての一般送配電事業者に求められます。「該当しない」とはできません',
    },
  },
} satisfies RuleMessages;

export const rule = defineRule({
  id: 'assessment/starred-items',
  messages,
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
});
