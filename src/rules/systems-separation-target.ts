// A separation plan whose target lies more than three years after the orders of 2023-04-17, which
// asked for shared systems to be separated within about three years.
import type { Rule } from './types.js';
import { addDays, list } from './util.js';

export const ORDERS = '2023-04-17';

export const rule: Rule = {
  id: 'systems/separation-target',
  basis: '2023年4月17日の業務改善命令等（共用状態の解消は約3年以内）',
  severity: 'warning',
  check({ data, profile, report }) {
    if (!profile?.sharingProhibited) return;
    const latest = addDays(ORDERS, 365 * 3 + 1);
    list(data.systems).forEach((system, i) => {
      const target = system.sharing.separationPlan?.targetDate;
      if (system.sharing.level !== 'none' && target && target > latest) {
        report({ pointer: `/systems/${i}/sharing/separationPlan/targetDate`, message: 'late', args: { system: system.name, date: target, latest } });
      }
    });
  },
};
