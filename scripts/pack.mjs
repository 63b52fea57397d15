#!/usr/bin/env node
// npm pack's prepack and postpack: the published package.json carries no `prepare` script. In a clone,
// `prepare` builds (npm ci); in the tarball, dist/ is already built, and an install script there
// would only make npm ask the installer to allow it (npm's allowScripts). `strip` takes it out before
// the tarball is made, `restore` puts it back after, as it was.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const file = join(dirname(fileURLToPath(import.meta.url)), '..', 'package.json');
const PREPARE = 'node scripts/build.mjs';
const text = readFileSync(file, 'utf8');
const pkg = JSON.parse(text);
const mode = process.argv[2];
if (mode === 'strip') delete pkg.scripts.prepare;
else if (mode === 'restore') pkg.scripts = { prepare: PREPARE, ...pkg.scripts };
else {
  process.stderr.write('usage: node scripts/pack.mjs strip|restore\n');
  process.exit(2);
}
writeFileSync(file, `${JSON.stringify(pkg, null, 2)}\n`);
