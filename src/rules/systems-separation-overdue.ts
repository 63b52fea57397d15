// A system still shared at the end of the fiscal year although the target date of its own
// separation plan has passed: the plan the 2023 orders asked for was not carried out as filed.
// A warning, not an error: the filing must still be made, and say so truthfully (an error would
// stop the build and push a filer to move the date rather than report the slip); the regulator
// reads it among the filing's findings and in compare's deadline columns.
import { defineRule, type RuleMessages } from './types.js';
import { fiscalYearBounds, list } from './util.js';

const messages = {
  en: {
    title: 'No shared system is past its own separation target',
    why: 'The orders of 2023-04-17 asked for a plan to end shared systems and for the plan to be carried out; a target that has passed while the system is still shared is a plan not kept.',
    fix: 'end the sharing, or file the revised plan with its new target and say in separationPlan.description why the date was missed',
    example: 'sharing:\n  level: none',
    msg: {
      overdue: '{system} is still shared ({level}) at the end of the fiscal year ({yearEnd}), although its separation target was {date}',
    },
  },
  ja: {
    title: '共用解消の目標日を過ぎて共用が続くシステムがない',
    why: '2023年4月17日の業務改善命令等は、共用状態を解消する計画の立案と、その実施を求めた。目標日を過ぎてなお共用が続くことは、計画どおりに実施されていないことを示す。',
    fix: '共用を解消するか、新たな目標日とした改定計画を届け出て、目標日に間に合わなかった理由を separationPlan.description に記載してください',
    example: 'sharing:\n  level: none',
    msg: {
      overdue: '{system} は共用解消の目標日（{date}）を過ぎて、事業年度末（{yearEnd}）になお共用（{level}）が続いています',
    },
  },
} satisfies RuleMessages;

export const rule = defineRule({
  id: 'systems/separation-overdue',
  messages,
  basis: '2023年4月17日の業務改善命令等（共用状態の解消の計画と、その実施）',
  severity: 'warning',
  check({ data, profile, report }) {
    if (!profile?.sharingProhibited) return;
    if (typeof data.fiscalYear !== 'number') return;
    const yearEnd = fiscalYearBounds(data.fiscalYear).to;
    list(data.systems).forEach((system, i) => {
      const target = system.sharing.separationPlan?.targetDate;
      if (system.sharing.level !== 'none' && target && target < yearEnd) {
        report({
          pointer: `/systems/${i}/sharing/separationPlan/targetDate`,
          message: 'overdue',
          args: { system: system.name, date: target, yearEnd, level: system.sharing.level },
        });
      }
    });
  },
});
