// The schema index of the current schema version, built once per process.
import { filingSchemas } from './generated/schema-bundle.js';
import { CURRENT_SCHEMA_VERSION } from './generated/schemas.js';
import { SchemaIndex, type SchemaNode } from './schema-index.js';

let current: SchemaIndex | undefined;

export function currentSchemaIndex(): SchemaIndex {
  current ??= new SchemaIndex(filingSchemas[CURRENT_SCHEMA_VERSION] as SchemaNode);
  return current;
}
