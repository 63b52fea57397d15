// Disaster-only access: granted and revoked dates recorded; disaster-only IDs (not the helpers'
// everyday ones), reset for each disaster with random passwords; revoked and terminals collected
// within a set number of days after the response ended; no use outside the window (two companies
// were found doing this).
import { defineRule, type RuleMessages } from './types.js';
import { addDays, list } from './util.js';
import { DEFAULT_REVOCATION_DAYS } from '../model/config.js';

/** The rule's wording, in both languages: a missing or extra key is a type error. */
const messages = {
  en: {
    title: 'Disaster-only access is limited to the response',
    why: 'Helpers may reach 非公開情報 during a disaster response only through disaster-only IDs, reset for each disaster with random passwords, granted for the response and revoked (terminals collected) promptly after it. Two companies were found using disaster-only terminals and IDs outside disasters.',
    fix: 'use disaster-only IDs reset with random passwords, revoke them and collect the terminals within the allowed days (disasterRevocationDays in taisei.config.yaml), and investigate any use outside the window',
    example:
      'disasterResponses:\n  - idType: disaster-only\n    passwordsReset: true\n    randomPasswords: true\n    accessRevoked: 2024-09-09',
    msg: {
      everydayIds: '{event}: the helpers used their everyday IDs, not disaster-only ones',
      passwords: '{event}: the IDs were not reset with random passwords for this disaster',
      notRevoked: '{event}: the date access was revoked is not recorded',
      lateRevocation: '{event}: access was revoked on {date}, after {deadline} ({days} days after the response ended)',
      earlyGrant: '{event}: access was granted on {date}, before the response began',
      lateCollection: '{event}: the terminals were collected on {date}, after {deadline}',
      usedOutside: '{event}: the log review found {count} use(s) outside the response',
    },
  },
  ja: {
    title: '災害時のアクセスを対応期間に限っている',
    why: '災害対応の応援要員が非公開情報に触れるのは、災害ごとにランダムなパスワードで初期化した災害専用のIDで、対応期間に限り、終了後は速やかに失効・端末回収する。災害専用の端末・IDを平時に使っていた事業者が2社あった。',
    fix: '災害専用のIDをランダムなパスワードで初期化して使い、対応終了から定めた日数（taisei.config.yaml の disasterRevocationDays）以内に失効・端末回収し、期間外の使用は調査してください',
    example:
      'disasterResponses:\n  - idType: disaster-only\n    passwordsReset: true\n    randomPasswords: true\n    accessRevoked: 2024-09-09',
    msg: {
      everydayIds: '{event}: 応援要員が災害専用ではなく平常時のIDを使っています',
      passwords: '{event}: IDがこの災害のためにランダムなパスワードで初期化されていません',
      notRevoked: '{event}: アクセスを失効した日の記録がありません',
      lateRevocation: '{event}: アクセスの失効が {date} で、期限の {deadline}（対応終了から {days} 日）を過ぎています',
      earlyGrant: '{event}: アクセスの付与（{date}）が対応の開始より前です',
      lateCollection: '{event}: 端末の回収が {date} で、期限の {deadline} を過ぎています',
      usedOutside: '{event}: アクセス記録の確認で、対応期間外の使用が {count} 件見つかっています',
    },
  },
} satisfies RuleMessages;

export const rule = defineRule({
  id: 'disaster/access-window',
  messages,
  basis: '施行規則第33条の15第1項第2号イ',
  provision: 'accessControl',
  severity: 'error',
  check({ data, config, report }) {
    const days = config.disasterRevocationDays ?? DEFAULT_REVOCATION_DAYS;
    list(data.disasterResponses).forEach((response, i) => {
      const at = `/disasterResponses/${i}`;
      const deadline = addDays(response.response.to, days);
      const args = { event: response.event, deadline, days };
      if (response.idType === 'everyday') report({ pointer: `${at}/idType`, message: 'everydayIds', args });
      if (response.passwordsReset !== true || response.randomPasswords !== true)
        report({
          pointer: `${at}/${response.randomPasswords !== true ? 'randomPasswords' : 'passwordsReset'}`,
          message: 'passwords',
          args,
        });
      if (!response.accessRevoked) report({ pointer: at, target: 'key', message: 'notRevoked', args });
      else if (response.accessRevoked > deadline)
        report({ pointer: `${at}/accessRevoked`, message: 'lateRevocation', args: { ...args, date: response.accessRevoked } });
      if (response.accessGranted < response.response.from)
        report({ pointer: `${at}/accessGranted`, message: 'earlyGrant', args: { ...args, date: response.accessGranted } });
      if (response.terminalsCollected && response.terminalsCollected > deadline)
        report({ pointer: `${at}/terminalsCollected`, message: 'lateCollection', args: { ...args, date: response.terminalsCollected } });
      if ((response.usesOutsideWindow ?? 0) > 0)
        report({ pointer: `${at}/usesOutsideWindow`, message: 'usedOutside', args: { ...args, count: response.usesOutsideWindow! } });
    });
  },
});
