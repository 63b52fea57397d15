// Every recurring measure of the improvement plan under way shows, in its evidence, an occurrence
// in each window of the fiscal year its recurrence names (from the month it started): a half-yearly
// log analysis needs one in April–September and one in October–March.
import { evaluationOf } from '../assessment/evaluate.js';
import { englishNotation, japaneseNotation, parseRecurrence, type Window } from '../model/recurrence.js';
import { defineRule, type RuleMessages } from './types.js';

const show = (w: Window) => (w.from === w.to ? w.from : `${w.from}〜${w.to}`);

/** The rule's wording, in both languages: a missing or extra key is a type error. */
const messages = {
  en: {
    title: "Every recurring measure of the plan shows in the year's facts",
    why: 'A recurring measure (a half-yearly log analysis, training every August and February) is only in place if it happened in each period of the year. The evidence of the measure must include an entry dated in each window its recurrence names, from the month the measure started.',
    fix: 'list in evidence the entry that carried the measure out in that period, or record why it did not happen and correct the plan',
    example:
      'improvementPlan:\n  - id: IP-01\n    recurrence: every April and October\n    evidence: [logReviews/LR-001, logReviews/LR-002]   # reviewed in April and in October',
    msg: {
      missed: '"{measure}" recurs {recurrence}, but its evidence shows nothing in {windows} ({missed} of {due} periods missed)',
      noEvidence: '"{measure}" recurs {recurrence}, but it lists no evidence for the year ({due} periods)',
    },
  },
  ja: {
    title: '改善計画の定期的な施策が当年度の事実に表れている',
    why: '定期的な施策（半期ごとのログ分析、毎年8月・2月の研修など）は、年度の各期に実施して初めて整備されているといえる。施策の実施の記録（evidence）には、頻度が示す各期（施策の開始月以降）の日付の記載が必要である。',
    fix: 'その期に施策を実施した記載を evidence に加えるか、実施しなかった理由を記録して計画を見直してください',
    example:
      'improvementPlan:\n  - id: IP-01\n    recurrence: 毎年4月・10月\n    evidence: [logReviews/LR-001, logReviews/LR-002]   # 4月と10月に確認',
    msg: {
      missed: '「{measure}」は{recurrence}行う施策ですが、{windows}に実施の記録がありません（{due}期のうち{missed}期）',
      noEvidence: '「{measure}」は{recurrence}行う施策ですが、当年度の実施の記録（evidence）がありません（{due}期）',
    },
  },
} satisfies RuleMessages;

export const rule = defineRule({
  id: 'assessment/recurrence-evidenced',
  messages,
  basis: '内部統制の改善計画',
  severity: 'warning',
  sinceSchema: 2,
  check({ data, report }) {
    for (const r of evaluationOf(data).recurrences) {
      if (r.missed.length === 0) continue;
      const recurrence = parseRecurrence(r.measure.recurrence ?? '')!;
      const args = {
        measure: r.measure.title,
        recurrence: englishNotation(recurrence),
        'recurrence@ja': japaneseNotation(recurrence),
        windows: r.missed.map(show).join(', '),
        missed: r.missed.length,
        due: r.due.length,
      };
      if ((r.measure.evidence ?? []).length === 0) report({ pointer: `${r.pointer}/recurrence`, message: 'noEvidence', args });
      else report({ pointer: `${r.pointer}/recurrence`, message: 'missed', args });
    }
  },
});
