// What each part of the data model means, read from the schema's own x-taisei-* annotations — the
// one place it is written, as `x-taisei-withhold` already says what the public edition leaves out.
//
//   x-taisei-item      a section reported under a numbered item of the profile (it needs a layout)
//   x-taisei-yearly    the year's facts: `init --from` empties a list (and drops any other value)
//   x-taisei-in-year   a date, dates or a period that lies within the fiscal year reported; on a
//                      period, true means both ends, a list of names only those ends
//   x-taisei-ref       a reference (or list of references) to the ids of the list it names
//                      (dotted path: "premises.sites"; "./activities" is a list beside the one the
//                      referring entry is in, for a definition two sections share)
//   x-taisei-evidence  a list whose entries the self-assessment may name as evidence
//                      (`<list path>/<id>`); `dated` names the fields that say when an entry happened
//
// Adding a section is its schema with these annotations, its layout (render/layouts.ts) and its place
// in each profile; tests/structure.test.ts fails when one of them is missing.
import type { SchemaIndex, SchemaNode } from './schema-index.js';

interface Annotated extends SchemaNode {
  'x-taisei-item'?: boolean;
  'x-taisei-yearly'?: boolean;
  'x-taisei-in-year'?: boolean | string[];
  'x-taisei-ref'?: string;
  'x-taisei-evidence'?: { dated?: string[] };
}

/** A place in the filing: the list it is in (data path of the array) and the path inside an entry. */
export interface EntryField {
  list: string[];
  field: string[];
}

export interface Reference extends EntryField {
  /** The list whose ids the field holds, dotted ("organisation.managementBodies"). */
  target: string;
}

export interface EvidenceKind {
  /** How a reference names the list: its path joined with "/" ("compliance/activities"). */
  name: string;
  path: string[];
  /** The fields that say when the entry happened: a date, a list of dates, or a period. */
  dated: string[];
}

export interface SectionFacts {
  /** Top-level sections reported under the profile's numbered items, in schema order. */
  itemSections: string[];
  /** Paths of the year's facts (init --from empties them), in schema order. */
  yearly: string[][];
  /** Dates of the year's facts that must lie within the fiscal year. */
  inYear: EntryField[];
  /** Every reference field and the list it points at. */
  references: Reference[];
  /** The lists that may be named as evidence. */
  evidence: EvidenceKind[];
}

const ITEMS = '#';

/** Split a schema path at its (single) list: ['transactions', 'records', '#', 'date'] → list + field. */
function inEntry(path: readonly string[], keyword: string): EntryField {
  const at = path.indexOf(ITEMS);
  if (at < 0 || path.indexOf(ITEMS, at + 1) >= 0) throw new Error(`${keyword} at /${path.join('/')}: must lie in exactly one list`);
  return { list: path.slice(0, at), field: path.slice(at + 1) };
}

const cache = new WeakMap<SchemaIndex, SectionFacts>();

/** The section facts of a schema, read once per schema index. */
export function sectionFacts(schema: SchemaIndex): SectionFacts {
  const known = cache.get(schema);
  if (known) return known;
  const facts: SectionFacts = { itemSections: [], yearly: [], inYear: [], references: [], evidence: [] };
  const visit = (raw: Annotated | undefined, path: string[], depth: number): void => {
    if (!raw || depth > 32) return;
    const node = schema.resolve(raw) as Annotated | undefined;
    // an annotation next to a $ref (the property) wins over the one on its target (the definition)
    const get = <K extends keyof Annotated>(key: K): Annotated[K] => raw[key] ?? node?.[key];
    if (get('x-taisei-item')) {
      if (path.length !== 1) throw new Error(`x-taisei-item at /${path.join('/')}: only a top-level section is an item`);
      facts.itemSections.push(path[0]!);
    }
    if (get('x-taisei-yearly')) {
      if (path.includes(ITEMS)) throw new Error(`x-taisei-yearly at /${path.join('/')}: must not lie in a list`);
      facts.yearly.push(path);
    }
    const inYear = get('x-taisei-in-year');
    if (inYear) {
      const { list, field } = inEntry(path, 'x-taisei-in-year');
      const ends = Array.isArray(inYear) ? inYear : node?.type === 'object' ? Object.keys(node.properties ?? {}) : [];
      if (ends.length === 0) facts.inYear.push({ list, field });
      else for (const end of ends) facts.inYear.push({ list, field: [...field, end] });
    }
    const target = get('x-taisei-ref');
    if (target) {
      const at = inEntry(path, 'x-taisei-ref');
      facts.references.push({ ...at, target: target.startsWith('./') ? [...at.list.slice(0, -1), target.slice(2)].join('.') : target });
    }
    const evidence = get('x-taisei-evidence');
    if (evidence) {
      if (path.includes(ITEMS) || node?.type !== 'array')
        throw new Error(`x-taisei-evidence at /${path.join('/')}: must be a list outside any list`);
      facts.evidence.push({ name: path.join('/'), path, dated: evidence.dated ?? [] });
    }
    for (const [key, child] of Object.entries(node?.properties ?? {})) visit(child as Annotated, [...path, key], depth + 1);
    if (node?.items) visit(node.items as Annotated, [...path, ITEMS], depth + 1);
  };
  visit(schema.at([]) as Annotated, [], 0);
  cache.set(schema, facts);
  return facts;
}
