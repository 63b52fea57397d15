// The shapes of the values the public edition withholds, taken from the filing as the submission
// prints them: the widths a redaction bar needs, and nothing else. The pipeline asks for them before
// it redacts, so the public edition is drawn from widths only and breaks its lines — and its pages —
// exactly where the submission does.
import type { SchemaIndex } from '../model/schema-index.js';
import type { WithheldShape } from '../model/withheld.js';
import { getAt, parsePointer } from '../util/pointer.js';
import { Composer } from './compose.js';
import { composerFaces, type FontFiles } from './fonts.js';
import { Formatter, type Entry } from './format.js';
import { SECTION_LAYOUTS, type Field } from './layouts.js';
import { Wording } from './templates.js';

/** The layout field a value is printed by, if it is printed as a field of a list or object block. */
function fieldFor(segments: string[]): { field: Field; entryDepth: number } | undefined {
  const pointer = `/${segments.join('/')}`;
  for (const blocks of Object.values(SECTION_LAYOUTS)) {
    for (const block of blocks) {
      const fields: Field[] = [];
      if ('columns' in block) fields.push(...block.columns);
      if ('fields' in block) fields.push(...block.fields);
      if (block.kind === 'matrix' && block.detail) fields.push(...block.detail.fields);
      if (block.kind === 'grouped') fields.push(block.by);
      for (const field of fields) {
        const path = field.path.replace(/\./g, '/');
        const listed = new RegExp(`^${escape(block.path)}/\\d+/${escape(path)}$`).test(pointer);
        if (listed) return { field, entryDepth: field.path.split('.').length };
        if (pointer === `${block.path}/${path}`) return { field, entryDepth: field.path.split('.').length };
      }
    }
  }
  return undefined;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function withheldShapes(
  data: Record<string, unknown>,
  schema: SchemaIndex,
  fonts: FontFiles,
  profileId: string,
  templatesDir?: string,
): (pointer: string) => WithheldShape | undefined {
  const format = new Formatter(schema, new Wording(profileId, templatesDir), data);
  const composer = new Composer(composerFaces(fonts));
  const keys = new Map<string, number>();
  return (pointer) => {
    const segments = parsePointer(pointer);
    const value = getAt(data, segments);
    if (value === undefined || value === null) return undefined;
    const node = schema.at(segments);
    const found = fieldFor(segments);
    const entry = found ? (getAt(data, segments.slice(0, segments.length - found.entryDepth)) as Entry) : {};
    const text = found ? format.fieldText(value, node, found.field, entry ?? {}) : format.format(value, node);
    let key = keys.get(text);
    if (key === undefined) keys.set(text, (key = keys.size + 1));
    return composer.shape(text, key);
  };
}
