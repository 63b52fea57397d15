// 情報管理責任者 is a director (取締役) or an executive officer (執行役) — 第10号. A 執行役員 is
// neither: the title is a company's own, not an office under the Companies Act.
import { defineRule, type RuleMessages } from './types.js';

/** The rule's wording, in both languages: a missing or extra key is a type error. */
const messages = {
  en: {
    title: 'The 情報管理責任者 is a director or an executive officer',
    why: 'The information manager must be a 取締役 or a 執行役 ({basis}). A 執行役員 (corporate officer) is not an office under the Companies Act and does not qualify.',
    fix: 'appoint a director or executive officer, and set position: director or executive-officer',
    example: 'informationManager:\n  position: director',
    msg: {
      corporateOfficer: 'the information manager ({name}) is a 執行役員, which is not a 取締役 or 執行役',
      notOfficer: 'the information manager ({name}) is not a director or an executive officer',
    },
  },
  ja: {
    title: '情報管理責任者が取締役又は執行役である',
    why: '情報管理責任者は取締役又は執行役をもって充てる（{basis}）。執行役員は会社法上の役員ではなく、これに当たらない。',
    fix: '取締役又は執行役を充て、position を director 又は executive-officer にしてください',
    example: 'informationManager:\n  position: director',
    msg: {
      corporateOfficer: '情報管理責任者（{name}）は執行役員で、取締役・執行役ではありません',
      notOfficer: '情報管理責任者（{name}）が取締役又は執行役ではありません',
    },
  },
} satisfies RuleMessages;

export const rule = defineRule({
  id: 'organisation/information-manager-is-officer',
  messages,
  basis: '施行規則第33条の15第1項第10号',
  provision: 'informationManager',
  severity: 'error',
  check({ data, report }) {
    const manager = data.organisation?.informationManager;
    if (!manager) return;
    if (manager.position !== 'director' && manager.position !== 'executive-officer') {
      report({
        pointer: '/organisation/informationManager/position',
        message: manager.position === 'corporate-officer' ? 'corporateOfficer' : 'notOfficer',
        args: { name: manager.title },
      });
    }
  },
});
