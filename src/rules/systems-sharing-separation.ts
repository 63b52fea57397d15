// Sharing a system with the related company: never at the software (database) level; at hardware or
// network level only with a separation plan, its target date and the interim measures in force.
// Applies where the profile's legal text prohibits sharing (一般送配電事業者); a 送電事業者 may share.
import { defineRule, type RuleMessages } from './types.js';
import { holdsNonPublic, list } from './util.js';

const INTERIM = ['access-rights-review', 'frequent-log-review', 'personal-ids', 'frequent-password-change'];

/** The rule's wording, in both languages: a missing or extra key is a type error. */
const messages = {
  en: {
    title: 'A system shared with the related company is being separated',
    why: 'A 一般送配電事業者 may not share systems holding 非公開情報 with the related company ({basis}). Sharing at the software (database) level must end now; at hardware or network level a separation plan is needed, with logical separation in the meantime: strict access-right checks, frequent log checks, personal IDs and frequent password changes.',
    fix: 'end database-level sharing; give the system a separationPlan with a targetDate, and list the interim measures in force',
    example:
      'sharing:\n  level: hardware\n  separationPlan: { targetDate: 2025-12-31, description: … }\n  interimMeasures: [access-rights-review, frequent-log-review, personal-ids, frequent-password-change]',
    msg: {
      software: '{system} is shared at the software (database) level, which must end now',
      noPlan: '{system} is shared with the related company but has no separation plan',
      interim: '{system} is shared but these interim measures are not in force: {missing}',
    },
  },
  ja: {
    title: '特定関係事業者と共用するシステムの共用を解消している',
    why: '一般送配電事業者は非公開情報を扱うシステムを特定関係事業者と共用できない（{basis}）。ソフトウェア（データベース）の共用は直ちに解消する。ハードウェアやネットワークの共用には解消の計画が必要で、それまでは論理分割（アクセス権限の厳格な確認、ログの高頻度の確認、個人ID、パスワードの頻繁な変更）を行う。',
    fix: 'データベースの共用を解消し、separationPlan に targetDate を付けて記載し、実施中の論理分割の措置を interimMeasures に挙げてください',
    example:
      'sharing:\n  level: hardware\n  separationPlan: { targetDate: 2025-12-31, description: … }\n  interimMeasures: [access-rights-review, frequent-log-review, personal-ids, frequent-password-change]',
    msg: {
      software: '{system} はソフトウェア（データベース）を共用しており、直ちに解消が必要です',
      noPlan: '{system} は特定関係事業者と共用していますが、共用解消の計画がありません',
      interim: '{system} は共用中ですが、次の論理分割の措置が実施されていません: {missing}',
    },
  },
} satisfies RuleMessages;

export const rule = defineRule({
  id: 'systems/sharing-separation',
  messages,
  basis: '施行規則第33条の15第1項第3号',
  provision: 'sharing',
  severity: 'error',
  check({ data, profile, report }) {
    if (!profile?.sharingProhibited) return;
    list(data.systems).forEach((system, i) => {
      if (!holdsNonPublic(system)) return;
      const sharing = system.sharing;
      if (sharing.level === 'none') return;
      const at = `/systems/${i}/sharing`;
      if (sharing.level === 'software') {
        report({ pointer: `${at}/level`, message: 'software', args: { system: system.name } });
        return;
      }
      if (!sharing.separationPlan) report({ pointer: `${at}/level`, message: 'noPlan', args: { system: system.name } });
      const missing = INTERIM.filter((m) => !list(sharing.interimMeasures).includes(m as never));
      if (missing.length > 0)
        report({ pointer: `${at}/level`, message: 'interim', args: { system: system.name, missing: missing.join(', ') } });
    });
  },
});
