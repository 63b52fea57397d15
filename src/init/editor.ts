// What the editor needs, written into the filing itself so that it still works when the filing
// moves to a repository of its own (where there is no node_modules/taisei): the current schema
// bundles in <filing>/.schemas/<version>/ (as `taisei schema --out <filing>/.schemas` lays them out, so
// that it refreshes them), modelines that point there, and .vscode/settings.json with the
// schema mapping and the publication marks' tags — never overwriting a settings file that exists.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CURRENT_SCHEMA_VERSION } from '../model/generated/schemas.js';
import { writeFileAtomic } from '../util/atomic.js';
import { packageRoot } from '../util/package.js';
import type { Profile } from '../profiles/index.js';
import { hasOwnWords, wordsOf, type Words } from '../model/wording.js';

export const SCHEMA_FOLDER = '.schemas';
const CONFIG_SCHEMA = 'config.schema.json';
const CONFIG_FILE = 'taisei.config.yaml';

const BUNDLES = ['section.bundle.schema.json', 'filing.bundle.schema.json'];

/** The modeline's schema reference, relative to a YAML file at the filing's top level. */
export const SECTION_SCHEMA_REF = `${SCHEMA_FOLDER}/${CURRENT_SCHEMA_VERSION}/section.bundle.schema.json`;

export const CUSTOM_TAGS = [
  '!withhold scalar',
  '!withhold mapping',
  '!withhold sequence',
  '!publish scalar',
  '!publish mapping',
  '!publish sequence',
];

const WORDED = new Set(['title', 'description', 'markdownDescription', 'errorMessage']);

/** A schema's labels and descriptions in a filer type's words (its values and keys untouched). */
export function inWords(schema: unknown, words: Words): unknown {
  if (Array.isArray(schema)) return schema.map((v) => inWords(v, words));
  if (!schema || typeof schema !== 'object') return schema;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(schema)) {
    if (WORDED.has(key) && typeof value === 'string') out[key] = words(value);
    else if (key === 'enumDescriptions' && Array.isArray(value)) out[key] = value.map((v) => (typeof v === 'string' ? words(v) : v));
    else out[key] = inWords(value, words);
  }
  return out;
}

/**
 * Writes the schemas and the editor settings; returns the paths written (settings skipped when
 * present). The schemas' hovers are in the words of the profile's filer type.
 */
export function writeEditorFiles(dir: string, profile?: Profile): { written: string[]; keptSettings?: string } {
  const written: string[] = [];
  for (const name of BUNDLES) {
    const path = join(dir, SCHEMA_FOLDER, String(CURRENT_SCHEMA_VERSION), name);
    const bytes = readFileSync(join(packageRoot(), 'dist', 'schemas', String(CURRENT_SCHEMA_VERSION), name));
    const text = hasOwnWords(profile)
      ? JSON.stringify(inWords(JSON.parse(bytes.toString('utf8')), wordsOf(profile)), null, 2) + '\n'
      : bytes;
    writeFileAtomic(path, text);
    written.push(path);
  }
  // the configuration's own schema, where `taisei schema --out .schemas` puts it too
  const config = join(dir, SCHEMA_FOLDER, CONFIG_SCHEMA);
  writeFileAtomic(config, readFileSync(join(packageRoot(), 'schemas', CONFIG_SCHEMA)));
  written.push(config);
  const settings = join(dir, '.vscode', 'settings.json');
  if (existsSync(settings)) return { written, keptSettings: settings };
  const content = {
    // taisei.config.yaml is no section: it has a schema of its own, and stays out of the sections'
    // mapping (a leading ! excludes, in the YAML language server since 2026; a modeline in the file
    // itself works in every version: README, Editor support)
    'yaml.schemas': {
      [`./${SECTION_SCHEMA_REF}`]: ['*.yaml', '*.yml', `!${CONFIG_FILE}`],
      [`./${SCHEMA_FOLDER}/${CONFIG_SCHEMA}`]: [CONFIG_FILE],
    },
    'yaml.customTags': CUSTOM_TAGS,
  };
  writeFileAtomic(settings, JSON.stringify(content, null, 2) + '\n');
  written.push(settings);
  return { written };
}
