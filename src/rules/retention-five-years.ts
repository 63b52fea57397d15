// Access logs of every system holding 非公開情報, and the records of transactions and coordination,
// are kept for five years (第33条の15第2項).
import type { Rule } from './types.js';
import { holdsNonPublic, list } from './util.js';

const YEARS = 5;

export const rule: Rule = {
  id: 'retention/five-years',
  basis: '施行規則第33条の15第2項',
  severity: 'error',
  check({ data, report }) {
    list(data.systems).forEach((system, i) => {
      if (holdsNonPublic(system) && system.accessLog.retentionYears < YEARS) {
        report({ pointer: `/systems/${i}/accessLog/retentionYears`, message: 'accessLog', args: { system: system.name, years: system.accessLog.retentionYears } });
      }
    });
    if (data.transactions && data.transactions.retentionYears < YEARS) {
      report({ pointer: '/transactions/retentionYears', message: 'transactions', args: { years: data.transactions.retentionYears } });
    }
  },
};
