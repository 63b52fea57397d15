// A measure of the improvement plan whose due date passed before the filing's submission date and
// that is not done is worth a word in the report: a warning, not an error (the plan may be late).
import { toPointer } from '../util/pointer.js';
import { defineRule, type RuleMessages } from './types.js';
import { list } from './util.js';

/** The rule's wording, in both languages: a missing or extra key is a type error. */
const messages = {
  en: {
    title: 'No measure of the plan is past its due date and not done',
    why: 'A measure due before the report is submitted and not yet done is a delay the regulator will ask about. It is a warning: the report should say so, not hide it.',
    fix: 'bring the status up to date, or move the due date and explain the delay in the description',
    example: 'improvementPlan:\n  - id: IP-03\n    due: 2024-12-31\n    status: done',
    msg: {
      overdue: '"{measure}" was due on {due} and is not done by the submission date {date}',
    },
  },
  ja: {
    title: '期限を過ぎて完了していない施策がない',
    why: '報告書の提出日より前に期限が来て、まだ完了していない施策は、規制当局が確認する遅れである。警告とし、隠さず報告書に記載する。',
    fix: '状況を最新にするか、期限を改めて遅れの理由を内容（description）に書いてください',
    example: 'improvementPlan:\n  - id: IP-03\n    due: 2024-12-31\n    status: done',
    msg: {
      overdue: '「{measure}」は期限 {due} を過ぎていますが、提出日 {date} の時点で完了していません',
    },
  },
} satisfies RuleMessages;

export const rule = defineRule({
  id: 'assessment/overdue-measures',
  messages,
  basis: '内部統制の改善計画',
  severity: 'warning',
  sinceSchema: 2,
  check({ data, report }) {
    const today = data.submissionDate;
    if (typeof today !== 'string') return;
    list(data.improvementPlan).forEach((measure, i) => {
      if (measure.due && measure.due < today && measure.status !== 'done') {
        report({
          pointer: toPointer(['improvementPlan', i, 'status']),
          message: 'overdue',
          args: { measure: measure.title, due: measure.due, date: today },
        });
      }
    });
  },
});
