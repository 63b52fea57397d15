// Schema defaults (addressee, inForce, holdsNonPublic, …) filled in: the normalised filing that a
// bundle carries and that a diff compares.
import { isWithheld } from './withheld.js';
import type { SchemaIndex, SchemaNode } from './schema-index.js';

/** The filing with schema defaults filled in (addressee, inForce, holdsNonPublic, …). */
export function withDefaults(value: unknown, node: SchemaNode | undefined, schema: SchemaIndex): unknown {
  const n = schema.resolve(node);
  if (Array.isArray(value)) return value.map((v) => withDefaults(v, n?.items, schema));
  if (value === null || typeof value !== 'object' || isWithheld(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) out[key] = withDefaults(v, n?.properties?.[key], schema);
  for (const [key, child] of Object.entries(n?.properties ?? {})) {
    const fallback = child.default ?? schema.resolve(child)?.default;
    if (!(key in value) && fallback !== undefined) out[key] = fallback;
  }
  return out;
}
