// YAML as init writes it: the general YAML library, loaded only when init writes (commands/init.ts
// imports this module when it runs; the validate path never loads it).
import { parseDocument, stringify } from 'yaml';

/** A value as a section file holds it: no folded lines, the core schema (dates stay strings). */
export function toYaml(value: unknown): string {
  return stringify(value, { lineWidth: 0, schema: 'core' });
}

/** A YAML text with the value at `path` taken out, its comments and layout kept. */
export function withoutPath(content: string, path: readonly string[]): string {
  const doc = parseDocument(content);
  doc.deleteIn(path);
  return String(doc);
}
