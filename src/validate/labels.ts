// Human names for places in a filing: "systems[SYS-07].access.idType" and its Japanese title.
import { t, type Lang } from '../messages/index.js';
import { getAt } from '../util/pointer.js';
import type { SchemaIndex } from '../model/schema-index.js';

/** A readable path: list entries by their id when they have one, otherwise #n (1-based). */
export function displayPath(data: unknown, segments: readonly string[]): string {
  let out = '';
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i]!;
    const parent = getAt(data, segments.slice(0, i));
    if (Array.isArray(parent)) {
      const entry = parent[Number(segment)] as { id?: unknown } | undefined;
      out += typeof entry?.id === 'string' && entry.id !== '' ? `[${entry.id}]` : `[#${Number(segment) + 1}]`;
    } else {
      out += (out === '' ? '' : '.') + segment;
    }
  }
  return out;
}

/** The field as a reader names it: ja 「IDの種類」(systems[SYS-07].access.idType), en the path. */
export function fieldLabel(lang: Lang, schema: SchemaIndex, data: unknown, segments: readonly string[]): string {
  if (segments.length === 0) return t(lang, 'path.root');
  const path = displayPath(data, segments);
  if (lang === 'en') return path;
  const title = titleAt(schema, segments);
  return title ? `「${title}」(${path})` : path;
}

export function titleAt(schema: SchemaIndex, segments: readonly string[]): string | undefined {
  const node = schema.at(segments);
  if (node?.title) {
    // A list entry has the list's own title; add its position so the label is specific.
    return node.title;
  }
  return undefined;
}
