// The public edition: values withheld by default (x-taisei-withhold in the schema: individuals'
// names, room layouts, system host details) or marked !withhold next to them, unless marked
// !publish. The renderer only ever sees the redacted copy, so a withheld value cannot leak into
// page text, metadata, outline or attachments.
import type { Mark } from '../model/marks.js';
import type { SchemaIndex, SchemaNode } from '../model/schema-index.js';
import { Withheld, type WithheldShape } from '../model/withheld.js';
import { toPointer } from '../util/pointer.js';

export interface Redaction {
  data: Record<string, unknown>;
  /** Pointers of the withheld values, in document order. */
  withheld: string[];
}

type WithNode = SchemaNode & {
  'x-taisei-withhold'?: boolean;
  'x-taisei-ref'?: string;
  /** a reference whose referent's fields are the same fact as the withheld value it stands in */
  'x-taisei-withhold-referent'?: string[];
};

/** Fields of entries that stand for a withheld fact elsewhere: by list path (premises.rooms), entry id, field. */
type Referents = Map<string, Map<string, Set<string>>>;

/** The shape of what a pointer holds, for its redaction bar (from the stage that draws the document). */
export type ShapeOf = (pointer: string) => WithheldShape | undefined;

export function redact(
  data: Record<string, unknown>,
  schema: SchemaIndex,
  marks: ReadonlyMap<string, Mark>,
  shapeOf?: ShapeOf,
  /** what a withheld value becomes (default: a Withheld, with its shape where shapeOf gives one) */
  standIn: (value: unknown, pointer: string) => unknown = (_value, pointer) => new Withheld(pointer, shapeOf?.(pointer)),
): Redaction {
  // a value withheld here may be the same fact as fields of the entry a reference in it names (the
  // room a system's host stands in: its floor and name): those are withheld wherever they print, one
  // decision per fact. A first pass finds them, a second withholds them (only when there are any).
  const pass = (referents: Referents) => {
    const withheld: string[] = [];
    const found: Referents = new Map();
    const nodeOf = (childNode: SchemaNode | undefined): WithNode | undefined => {
      if (!childNode) return undefined;
      const site = childNode as WithNode;
      const resolved = schema.resolve(childNode) as WithNode;
      return {
        ...resolved,
        'x-taisei-withhold': site['x-taisei-withhold'] ?? resolved['x-taisei-withhold'],
        ...(site['x-taisei-ref'] ? { 'x-taisei-ref': site['x-taisei-ref'] } : {}),
        ...(site['x-taisei-withhold-referent'] ? { 'x-taisei-withhold-referent': site['x-taisei-withhold-referent'] } : {}),
      } as WithNode;
    };
    // the references inside a withheld value whose referents stand for the same fact
    const collect = (value: unknown, node: WithNode | undefined): void => {
      const fields = node?.['x-taisei-withhold-referent'];
      const target = node?.['x-taisei-ref'];
      if (fields && target && typeof value === 'string') {
        const ids = found.get(target) ?? new Map<string, Set<string>>();
        found.set(target, ids);
        ids.set(value, new Set([...(ids.get(value) ?? []), ...fields]));
        return;
      }
      if (Array.isArray(value)) for (const item of value) collect(item, schema.resolve(node?.items) as WithNode | undefined);
      else if (value !== null && typeof value === 'object')
        for (const [key, child] of Object.entries(value)) collect(child, nodeOf(node?.properties?.[key]));
    };
    const walk = (value: unknown, node: WithNode | undefined, path: (string | number)[], inherited: boolean): unknown => {
      const pointer = toPointer(path);
      const mark = marks.get(pointer);
      const byDefault = Boolean(node?.['x-taisei-withhold']);
      const hide = mark === 'withhold' || (mark !== 'publish' && (inherited || byDefault));
      if (hide && value !== undefined && value !== null) {
        withheld.push(pointer);
        collect(value, node);
        return standIn(value, pointer);
      }
      if (Array.isArray(value))
        return value.map((item, i) => walk(item, schema.resolve(node?.items) as WithNode | undefined, [...path, i], false));
      if (value !== null && typeof value === 'object') {
        // an entry of a list some withheld value refers to: the fields that are the same fact
        const list =
          referents.size > 0 && typeof path[path.length - 1] === 'number' ? path.filter((p) => typeof p === 'string').join('.') : '';
        const id = (value as { id?: unknown }).id;
        const same = list && typeof id === 'string' ? referents.get(list)?.get(id) : undefined;
        const out: Record<string, unknown> = {};
        for (const [key, child] of Object.entries(value))
          out[key] = walk(
            child,
            nodeOf(node?.properties?.[key]),
            [...path, key],
            same?.has(key) === true && marks.get(toPointer([...path, key])) !== 'publish',
          );
        return out;
      }
      return value;
    };
    const root = schema.at([]) as WithNode;
    return { data: walk(data, root, [], false) as Record<string, unknown>, withheld, found };
  };
  const first = pass(new Map());
  if (first.found.size === 0) return { data: first.data, withheld: first.withheld };
  const second = pass(first.found);
  return { data: second.data, withheld: second.withheld };
}
