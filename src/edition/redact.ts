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

type WithNode = SchemaNode & { 'x-taisei-withhold'?: boolean };

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
  const withheld: string[] = [];
  const walk = (value: unknown, node: WithNode | undefined, path: (string | number)[], inherited: boolean): unknown => {
    const pointer = toPointer(path);
    const mark = marks.get(pointer);
    const byDefault = Boolean((node as WithNode | undefined)?.['x-taisei-withhold']);
    const hide = mark === 'withhold' || (mark !== 'publish' && (inherited || byDefault));
    if (hide && value !== undefined && value !== null) {
      withheld.push(pointer);
      return standIn(value, pointer);
    }
    if (Array.isArray(value))
      return value.map((item, i) => walk(item, schema.resolve(node?.items) as WithNode | undefined, [...path, i], false));
    if (value !== null && typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [key, child] of Object.entries(value)) {
        const childNode = node?.properties?.[key];
        out[key] = walk(
          child,
          childNode
            ? ({
                ...(schema.resolve(childNode) as WithNode),
                'x-taisei-withhold':
                  (childNode as WithNode)['x-taisei-withhold'] ?? (schema.resolve(childNode) as WithNode)['x-taisei-withhold'],
              } as WithNode)
            : undefined,
          [...path, key],
          false,
        );
      }
      return out;
    }
    return value;
  };
  const root = schema.at([]) as WithNode;
  return { data: walk(data, root, [], false) as Record<string, unknown>, withheld };
}
