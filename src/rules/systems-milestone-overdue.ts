// A milestone of a separation plan whose date has passed by the end of the fiscal year without being
// done: the progress the 2023 orders asked to be reported regularly is behind where the plan said.
// A warning, as for an overdue target (systems/separation-overdue): the filing says so truthfully.
import { defineRule, type RuleMessages } from './types.js';
import { fiscalYearBounds, list } from './util.js';

const messages = {
  en: {
    title: 'No milestone of a separation plan is past its date without being done',
    why: 'The orders of 2023-04-17 asked for the separation plans to be carried out and their progress reported; a milestone past its date and not done is a plan behind.',
    fix: 'give the milestone its completed date if it was done, or say in its note why it is late and when it will be done (the progress report prints it; a moved target is a revision)',
    example: 'milestones:\n  - date: 2024-06-30\n    description: 当社専用サーバの調達\n    done: true\n    completed: 2024-06-28',
    msg: {
      late: "{system}'s milestone {milestone} was planned for {date} and is not done at the end of the fiscal year ({yearEnd})",
    },
  },
  ja: {
    title: '予定日を過ぎて完了していない共用解消の工程がない',
    why: '2023年4月17日の業務改善命令等は、共用解消の計画の実施と、その進捗の定期的な報告を求めた。予定日を過ぎて完了していない工程は、計画の遅れを示す。',
    fix: '完了していれば completed に完了日を書き、遅れていれば理由と見込みを工程の note に書いてください（進捗報告に載ります。目標日を改めるときは計画の改定として revisions に書きます）',
    example: 'milestones:\n  - date: 2024-06-30\n    description: 当社専用サーバの調達\n    done: true\n    completed: 2024-06-28',
    msg: {
      late: '{system} の工程「{milestone}」は {date} の予定でしたが、事業年度末（{yearEnd}）に完了していません',
    },
  },
} satisfies RuleMessages;

export const rule = defineRule({
  id: 'systems/milestone-overdue',
  messages,
  basis: '2023年4月17日の業務改善命令等（共用解消の計画の実施と、その進捗の報告）',
  severity: 'warning',
  check({ data, profile, report }) {
    if (!profile?.sharingProhibited) return;
    if (typeof data.fiscalYear !== 'number') return;
    const yearEnd = fiscalYearBounds(data.fiscalYear).to;
    list(data.systems).forEach((system, i) => {
      if (system.sharing.level === 'none') return;
      (system.sharing.separationPlan?.milestones ?? []).forEach((milestone, j) => {
        if (milestone.date <= yearEnd && milestone.done !== true && milestone.completed === undefined)
          report({
            pointer: `/systems/${i}/sharing/separationPlan/milestones/${j}`,
            message: 'late',
            args: { system: system.name, milestone: milestone.description, date: milestone.date, yearEnd },
          });
      });
    });
  },
});
