#!/usr/bin/env node
// Writes docs/fields.md from the current schema and the profiles.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readVersionFiles, bundleSchema, withProfiles } from './lib/schema-bundle.mjs';
import { BASES, CURRENT_VERSION, bundleId } from './lib/schema-ids.mjs';
import { renderFieldReference } from './lib/field-docs.mjs';

export function currentFieldReference(root) {
  const profiles = readdirSync(join(root, 'profiles'))
    .filter((n) => n.endsWith('.json'))
    .sort()
    .map((n) => JSON.parse(readFileSync(join(root, 'profiles', n), 'utf8')));
  const bundle = withProfiles(
    bundleSchema(readVersionFiles(join(root, 'schemas'), CURRENT_VERSION, BASES), 'filing', bundleId(CURRENT_VERSION)),
    profiles,
  );
  return renderFieldReference(bundle, profiles, CURRENT_VERSION);
}

/** The README with its generated rules table (between the rules markers) replaced. */
export function readmeWithRules(readme, table) {
  return readme.replace(/(<!-- rules:start -->)[\s\S]*?(<!-- rules:end -->)/, `$1\n${table}\n$2`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = join(dirname(fileURLToPath(import.meta.url)), '..');
  writeFileSync(join(root, 'docs', 'fields.md'), currentFieldReference(root));
  // The rules' documentation comes from the built library (run after `npm run build`).
  const { rulesMarkdown, rulesTable } = await import(join(root, 'dist', 'lib', 'index.js'));
  writeFileSync(join(root, 'docs', 'rules.md'), rulesMarkdown());
  const readme = join(root, 'README.md');
  writeFileSync(readme, readmeWithRules(readFileSync(readme, 'utf8'), rulesTable()));
  process.stderr.write('wrote docs/fields.md, docs/rules.md and the rules table in README.md\n');
}
