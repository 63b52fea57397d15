// Every item the statute lists appears in the filing. A section left out is reported with the item
// number and title of the filing's profile. Corrective items and "other measures" may be empty
// (the PDF says 該当なし), as may the sections a profile marks optional.
import type { Rule } from './types.js';

export const rule: Rule = {
  id: 'items/required-sections',
  basis: '施行規則第33条の16',
  severity: 'error',
  check({ data, profile, report }) {
    if (!profile) return;
    for (const item of profile.items) {
      if (item.whenEmpty === 'none') continue;
      for (const section of item.sections) {
        if ((item.optionalSections ?? []).includes(section)) continue;
        if ((data as Record<string, unknown>)[section] === undefined) {
          report({ pointer: '', target: 'key', message: 'missing', args: { label: item.label, title: item.title, section } });
        }
      }
    }
  },
};
