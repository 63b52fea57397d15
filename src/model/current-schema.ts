// The current schema version: its index (built once per process) and its section facts.
import { filingSchemas } from './generated/schema-bundle.js';
import { CURRENT_SCHEMA_VERSION } from './generated/schemas.js';
import { SECTION_FACTS } from './generated/section-facts.js';
import { SchemaIndex, type SchemaNode } from './schema-index.js';
import type { SectionFacts } from './sections.js';

let current: SchemaIndex | undefined;

export function currentSchemaIndex(): SchemaIndex {
  current ??= new SchemaIndex(filingSchemas[CURRENT_SCHEMA_VERSION] as SchemaNode);
  return current;
}

/**
 * What each section of the current schema means (sectionFacts of it), as the build wrote it down:
 * the same facts, without walking the schema on every run. tests/structure.test.ts holds the two equal.
 */
export function currentSectionFacts(): SectionFacts {
  return SECTION_FACTS;
}
