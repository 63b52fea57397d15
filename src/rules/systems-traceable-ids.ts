// Every ID that reaches 非公開情報 is personal, or a shared ID whose every use a register traces to a
// person (the 2022 audit found four companies that could not).
import type { Rule } from './types.js';
import { holdsNonPublic, list } from './util.js';

export const rule: Rule = {
  id: 'systems/traceable-ids',
  basis: '施行規則第33条の15第1項第2号ロ',
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
};
