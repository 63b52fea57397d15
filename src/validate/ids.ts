// Every list entry with an id must be the only one with that id in its list: other sections
// point at entries by id.
import type { Diagnostic } from '../diagnostics.js';
import { t, type Lang } from '../messages/index.js';
import { toPointer } from '../util/pointer.js';
import { displayPath } from './labels.js';

export function checkDuplicateIds(data: unknown, lang: Lang): Diagnostic[] {
  const out: Diagnostic[] = [];
  const walk = (node: unknown, path: (string | number)[]) => {
    if (Array.isArray(node)) {
      const first = new Map<string, number>();
      node.forEach((entry, index) => {
        const id = (entry as { id?: unknown } | null)?.id;
        if (typeof id === 'string') {
          const earlier = first.get(id);
          if (earlier === undefined) first.set(id, index);
          else {
            const collection = displayPath(data, path.map(String)) || '/';
            out.push({
              code: 'filing/duplicate-id',
              severity: 'error',
              pointer: toPointer([...path, index, 'id']),
              message: t(lang, 'filing.duplicateId', { id, collection }),
              hint: t(lang, 'filing.duplicateId.hint', { other: `${collection}[#${earlier + 1}]` }),
              related: [{ message: t(lang, 'filing.duplicateId.other', { id }), pointer: toPointer([...path, earlier, 'id']) }],
            });
          }
        }
        walk(entry, [...path, index]);
      });
    } else if (node !== null && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) walk(value, [...path, key]);
    }
  };
  walk(data, []);
  return out;
}
