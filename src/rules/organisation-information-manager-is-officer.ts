// 情報管理責任者 is a director (取締役) or an executive officer (執行役) — 第10号. A 執行役員 is
// neither: the title is a company's own, not an office under the Companies Act.
import type { Rule } from './types.js';

export const rule: Rule = {
  id: 'organisation/information-manager-is-officer',
  basis: '施行規則第33条の15第1項第10号',
  severity: 'error',
  check({ data, report }) {
    const manager = data.organisation?.informationManager;
    if (!manager) return;
    if (manager.position !== 'director' && manager.position !== 'executive-officer') {
      report({ pointer: '/organisation/informationManager/position', message: manager.position === 'corporate-officer' ? 'corporateOfficer' : 'notOfficer', args: { name: manager.title } });
    }
  },
};
