// Sharing a system with the related company: never at the software (database) level; at hardware or
// network level only with a separation plan, its target date and the interim measures in force.
// Applies where the profile's legal text prohibits sharing (一般送配電事業者); a 送電事業者 may share.
import type { Rule } from './types.js';
import { holdsNonPublic, list } from './util.js';

const INTERIM = ['access-rights-review', 'frequent-log-review', 'personal-ids', 'frequent-password-change'];

export const rule: Rule = {
  id: 'systems/sharing-separation',
  basis: '施行規則第33条の15第1項第3号',
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
      if (missing.length > 0) report({ pointer: `${at}/level`, message: 'interim', args: { system: system.name, missing: missing.join(', ') } });
    });
  },
};
