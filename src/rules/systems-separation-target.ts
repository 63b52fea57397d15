// A separation plan whose target lies more than three years after the orders of 2023-04-17, which
// asked for shared systems to be separated within about three years, or for the reason it cannot be
// done: a target past the horizon is found unless the revision that set it states that reason.
import { defineRule, type RuleMessages } from './types.js';
import { SEPARATION_HORIZON } from '../model/orders.js';
import { list } from './util.js';

/** The rule's wording, in both languages: a missing or extra key is a type error. */
const messages = {
  en: {
    title: 'Separation targets lie within about three years of the 2023 orders',
    why: 'The orders of 2023-04-17 asked for shared systems to be separated within about three years, or for the reason it cannot be done to be stated.',
    fix: 'bring the target forward, or record the target as a revision (separationPlan.revisions: date, target, reason) that states why it cannot be met',
    example: 'separationPlan:\n  targetDate: 2026-03-31',
    msg: {
      late: 'the separation target of {system} ({date}) is more than three years after the orders (after {latest})',
    },
  },
  ja: {
    title: '共用解消の目標が2023年の命令から約3年以内にある',
    why: '2023年4月17日の業務改善命令等は、共用状態を約3年以内に解消する計画を求め、困難な場合はその理由の記載を求めた。',
    fix: '目標を前倒しするか、その目標日を計画の改定（separationPlan.revisions: 改定日、改定後の目標日、理由）として記載し、間に合わない理由を示してください',
    example: 'separationPlan:\n  targetDate: 2026-03-31',
    msg: {
      late: '{system} の共用解消の目標（{date}）が命令から3年を超えています（{latest} より後）',
    },
  },
} satisfies RuleMessages;

export const rule = defineRule({
  id: 'systems/separation-target',
  messages,
  basis: '2023年4月17日の業務改善命令等（共用状態の解消は約3年以内）',
  severity: 'warning',
  check({ data, profile, report }) {
    if (!profile?.sharingProhibited) return;
    const latest = SEPARATION_HORIZON;
    list(data.systems).forEach((system, i) => {
      const plan = system.sharing.separationPlan;
      const target = plan?.targetDate;
      // the statement of reason the orders ask for: the revision that set this very target, with its reason
      const stated = (plan?.revisions ?? []).some((r) => r.target === target && r.reason.trim() !== '');
      if (system.sharing.level !== 'none' && target && target > latest && !stated) {
        report({
          pointer: `/systems/${i}/sharing/separationPlan/targetDate`,
          message: 'late',
          args: { system: system.name, date: target, latest },
        });
      }
    });
  },
});
