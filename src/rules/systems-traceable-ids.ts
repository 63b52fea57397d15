// Every ID that reaches 非公開情報 is personal, or a shared ID whose every use a register traces to a
// person (the 2022 audit found four companies that could not).
import { defineRule, type RuleMessages } from './types.js';
import { holdsNonPublic, list } from './util.js';

/** The rule's wording, in both languages: a missing or extra key is a type error. */
const messages = {
  en: {
    title: 'Every ID that reaches 非公開情報 can be traced to a person',
    why: 'The access log must identify who obtained the information ({basis}). The 2022 audit found four companies whose shared IDs could not be traced to a person. Use personal IDs, or keep a register that ties each use of a shared ID to a person.',
    fix: 'issue personal IDs, or keep a register for the shared ID and describe it in access.idRegister (idType: shared-registered)',
    example: 'access:\n  idType: shared-registered\n  idRegister: 貸出台帳に氏名・日時・作業内容を記録している。',
    msg: {
      untraceable: '{system} uses shared IDs that cannot be traced to a person',
      noRegister: '{system} uses shared IDs but describes no register of their users',
    },
  },
  ja: {
    title: '非公開情報に届くIDから個人を特定できる',
    why: 'アクセス記録は入手した者を識別できなければならない（{basis}）。2022年の監査では、共用IDの使用者を特定できない事業者が4社あった。個人IDを使うか、共用IDの使用ごとに使用者を記録する台帳を備える。',
    fix: '個人IDを発行するか、共用IDの使用者台帳を備えて access.idRegister に記載してください（idType: shared-registered）',
    example: 'access:\n  idType: shared-registered\n  idRegister: 貸出台帳に氏名・日時・作業内容を記録している。',
    msg: {
      untraceable: '{system} は使用者を特定できない共用IDを使っています',
      noRegister: '{system} は共用IDを使っていますが、使用者台帳の記載がありません',
    },
  },
} satisfies RuleMessages;

export const rule = defineRule({
  id: 'systems/traceable-ids',
  messages,
  basis: '施行規則第33条の15第1項第2号ロ',
  provision: 'accessRecords',
  severity: 'error',
  check({ data, report }) {
    list(data.systems).forEach((system, i) => {
      if (!holdsNonPublic(system)) return;
      if (system.access.idType === 'shared-unregistered') {
        report({ pointer: `/systems/${i}/access/idType`, message: 'untraceable', args: { system: system.name } });
      } else if (system.access.idType === 'shared-registered' && !system.access.idRegister) {
        report({ pointer: `/systems/${i}/access/idType`, message: 'noRegister', args: { system: system.name } });
      }
    });
  },
});
