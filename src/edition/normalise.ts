// A filing as a bundle carries it and as two years are compared: schema defaults filled in
// (addressee, inForce, holdsNonPublic, …), the explicit profile dropped.
import { withDefaults } from '../model/defaults.js';
import type { SchemaIndex } from '../model/schema-index.js';

export function normalised(data: Record<string, unknown>, schema: SchemaIndex): Record<string, unknown> {
  const { profile: _profile, ...rest } = withDefaults(data, schema.at([]), schema) as Record<string, unknown>;
  return rest;
}
