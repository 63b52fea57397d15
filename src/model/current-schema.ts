// The current schema version: its index (built once per process) and its section facts.
import { filingSchema } from './generated/schema-bundle.js';
import { CURRENT_SCHEMA_VERSION } from './generated/schemas.js';
import { SECTION_FACTS } from './generated/section-facts.js';
import { SchemaIndex, type SchemaNode } from './schema-index.js';
import type { SectionFacts } from './sections.js';
import type { Profile } from './generated/data.js';
import { hasOwnWords, wordsOf } from './wording.js';

let current: SchemaIndex | undefined;
const worded = new WeakMap<Profile, SchemaIndex>();

/**
 * The current schema; given a profile, its labels in the words of the profile's filer type, and the
 * profile's own names for the choices that cite a provision.
 */
export function currentSchemaIndex(profile?: Profile): SchemaIndex {
  current ??= new SchemaIndex(filingSchema(CURRENT_SCHEMA_VERSION) as SchemaNode);
  if (!profile || (!hasOwnWords(profile) && !profile.labels)) return current;
  let index = worded.get(profile);
  if (!index)
    worded.set(profile, (index = new SchemaIndex(filingSchema(CURRENT_SCHEMA_VERSION) as SchemaNode, wordsOf(profile), profile.labels)));
  return index;
}

/**
 * What each section of the current schema means (sectionFacts of it), as the build wrote it down:
 * the same facts, without walking the schema on every run. tests/structure.test.ts holds the two equal.
 */
export function currentSectionFacts(): SectionFacts {
  return SECTION_FACTS;
}
