// Every reference resolves: trainings and management activities to rules, log reviews to systems,
// findings to their activities, rooms to sites and floor plans, attachments to files inside the filing.
import { currentSchemaIndex } from '../model/current-schema.js';
import { sectionFacts } from '../model/sections.js';
import { toPointer } from '../util/pointer.js';
import type { Rule } from './types.js';
import { list } from './util.js';

type Entry = Record<string, unknown>;

function get(entry: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((v, k) => (v as Entry | undefined)?.[k], entry);
}

export const rule: Rule = {
  id: 'references/resolve',
  basis: '施行規則第33条の16',
  severity: 'error',
  check({ data, report, attachment }) {
    // which fields refer to which list: x-taisei-ref in the schema
    const ids = new Map<string, Set<string>>();
    const idsOf = (target: string) => {
      let known = ids.get(target);
      if (!known) ids.set(target, (known = new Set(list(get(data, target.split('.')) as { id: string }[] | undefined).map((e) => e.id))));
      return known;
    };
    for (const ref of sectionFacts(currentSchemaIndex()).references) {
      list(get(data, ref.list) as Entry[] | undefined).forEach((entry, i) => {
        const value = get(entry, ref.field);
        const targets = Array.isArray(value) ? value.map((v, j) => [v, j] as const) : value === undefined ? [] : [[value, undefined] as const];
        for (const [id, j] of targets) {
          if (typeof id === 'string' && !idsOf(ref.target).has(id)) {
            report({ pointer: toPointer([...ref.list, i, ...ref.field, ...(j === undefined ? [] : [j])]), message: 'unresolved', args: { id, target: ref.target } });
          }
        }
      });
    }
    list(data.attachments).forEach((entry, i) => {
      const pointer = toPointer(['attachments', i, 'file']);
      const found = attachment(entry.file);
      if (found === 'outside') report({ pointer, message: 'escapes', args: { file: entry.file } });
      else if (found === 'missing') report({ pointer, message: 'missingFile', args: { file: entry.file } });
    });
  },
};
