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

export const SCHEMA_FOLDER = '.schemas';
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

/** Writes the schemas and the editor settings; returns the paths written (settings skipped when present). */
export function writeEditorFiles(dir: string): { written: string[]; keptSettings?: string } {
  const written: string[] = [];
  for (const name of BUNDLES) {
    const path = join(dir, SCHEMA_FOLDER, String(CURRENT_SCHEMA_VERSION), name);
    writeFileAtomic(path, readFileSync(join(packageRoot(), 'dist', 'schemas', String(CURRENT_SCHEMA_VERSION), name)));
    written.push(path);
  }
  const settings = join(dir, '.vscode', 'settings.json');
  if (existsSync(settings)) return { written, keptSettings: settings };
  const content = {
    'yaml.schemas': { [`./${SECTION_SCHEMA_REF}`]: ['*.yaml', '*.yml'] },
    'yaml.customTags': CUSTOM_TAGS,
  };
  writeFileAtomic(settings, JSON.stringify(content, null, 2) + '\n');
  written.push(settings);
  return { written };
}
