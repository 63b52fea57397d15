// Disaster-only access: granted and revoked dates recorded; disaster-only IDs (not the helpers'
// everyday ones), reset for each disaster with random passwords; revoked and terminals collected
// within a set number of days after the response ended; no use outside the window (two companies
// were found doing this).
import type { Rule } from './types.js';
import { addDays, list } from './util.js';

export const DEFAULT_REVOCATION_DAYS = 3;

export const rule: Rule = {
  id: 'disaster/access-window',
  basis: '施行規則第33条の15第1項第2号イ',
  severity: 'error',
  check({ data, config, report }) {
    const days = config.disasterRevocationDays ?? DEFAULT_REVOCATION_DAYS;
    list(data.disasterResponses).forEach((response, i) => {
      const at = `/disasterResponses/${i}`;
      const deadline = addDays(response.response.to, days);
      const args = { event: response.event, deadline, days };
      if (response.idType === 'everyday') report({ pointer: `${at}/idType`, message: 'everydayIds', args });
      if (response.passwordsReset !== true || response.randomPasswords !== true) report({ pointer: `${at}/${response.randomPasswords !== true ? 'randomPasswords' : 'passwordsReset'}`, message: 'passwords', args });
      if (!response.accessRevoked) report({ pointer: at, target: 'key', message: 'notRevoked', args });
      else if (response.accessRevoked > deadline) report({ pointer: `${at}/accessRevoked`, message: 'lateRevocation', args: { ...args, date: response.accessRevoked } });
      if (response.accessGranted < response.response.from) report({ pointer: `${at}/accessGranted`, message: 'earlyGrant', args: { ...args, date: response.accessGranted } });
      if (response.terminalsCollected && response.terminalsCollected > deadline) report({ pointer: `${at}/terminalsCollected`, message: 'lateCollection', args: { ...args, date: response.terminalsCollected } });
      if ((response.usesOutsideWindow ?? 0) > 0) report({ pointer: `${at}/usesOutsideWindow`, message: 'usedOutside', args: { ...args, count: response.usesOutsideWindow! } });
    });
  },
};
