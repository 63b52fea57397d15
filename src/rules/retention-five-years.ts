// Access logs of every system holding 非公開情報, and the records of transactions and coordination,
// are kept for five years (第33条の15第2項).
import { defineRule, type RuleMessages } from './types.js';
import { holdsNonPublic, list } from './util.js';

const YEARS = 5;

/** The rule's wording, in both languages: a missing or extra key is a type error. */
const messages = {
  en: {
    title: 'Access logs and transaction records are kept five years',
    why: 'The access records of systems holding 非公開情報 and the records of transactions and coordination must be kept for five years ({basis}); two companies were found not to have kept some.',
    fix: 'keep the records at least five years and state retentionYears: 5 (or more)',
    example: 'accessLog:\n  retentionYears: 5',
    msg: {
      accessLog: 'the access log of {system} is kept {years} years, less than five',
      transactions: 'the transaction records are kept {years} years, less than five',
    },
  },
  ja: {
    title: 'アクセス記録と取引の記録を5年間保存している',
    why: '非公開情報を扱うシステムのアクセス記録と、取引及び連絡調整の経緯等の記録は5年間保存する（{basis}）。一部の記録を保存していなかった事業者が2社あった。',
    fix: '記録を5年以上保存し、retentionYears を 5 以上にしてください',
    example: 'accessLog:\n  retentionYears: 5',
    msg: {
      accessLog: '{system} のアクセス記録の保存期間が {years} 年で、5年に足りません',
      transactions: '取引及び連絡調整の記録の保存期間が {years} 年で、5年に足りません',
    },
  },
} satisfies RuleMessages;

export const rule = defineRule({
  id: 'retention/five-years',
  messages,
  basis: '施行規則第33条の15第2項',
  provision: 'retention',
  severity: 'error',
  check({ data, report }) {
    list(data.systems).forEach((system, i) => {
      if (holdsNonPublic(system) && system.accessLog.retentionYears < YEARS) {
        report({
          pointer: `/systems/${i}/accessLog/retentionYears`,
          message: 'accessLog',
          args: { system: system.name, years: system.accessLog.retentionYears },
        });
      }
    });
    if (data.transactions && data.transactions.retentionYears < YEARS) {
      report({ pointer: '/transactions/retentionYears', message: 'transactions', args: { years: data.transactions.retentionYears } });
    }
  },
});
