#!/usr/bin/env node
// `npm test` after the build: vitest, with a SQLite for the regulator's tests. From Node 22.13 on,
// Node's own node:sqlite serves and nothing is installed. On an older Node, better-sqlite3 (taisei's
// optional peer) is installed for the tests into node_modules/.cache/taisei-test (compiled, as on a
// user's Node 20; once, then reused) and found through NODE_PATH — package.json and the lock file
// are not touched. Installing it here rather than as a dev dependency keeps its C++ compile out of
// every other install of this repository, the pre-commit hook's among them.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const env = { ...process.env };

function nodeHasSqlite() {
  try {
    return Boolean(process.getBuiltinModule?.('node:sqlite'));
  } catch {
    return false;
  }
}

function loads(dir) {
  try {
    const Database = createRequire(join(dir, 'x.js'))('better-sqlite3');
    new Database(':memory:').close();
    return true;
  } catch {
    return false;
  }
}

if (!nodeHasSqlite() && !loads(root)) {
  const prefix = join(root, 'node_modules', '.cache', 'taisei-test');
  if (!loads(join(prefix, 'node_modules'))) {
    const range = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).peerDependencies['better-sqlite3'];
    process.stderr.write(
      `test: Node ${process.versions.node} has no node:sqlite; installing better-sqlite3@${range} for the regulator's tests\n`,
    );
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const install = spawnSync(
      npm,
      ['install', '--prefix', prefix, '--no-audit', '--no-fund', '--no-package-lock', `better-sqlite3@${range}`],
      { stdio: 'inherit' },
    );
    if (install.status !== 0) process.exit(install.status ?? 1);
  }
  env.NODE_PATH = [join(prefix, 'node_modules'), env.NODE_PATH].filter(Boolean).join(delimiter);
}

const vitest = spawnSync(process.execPath, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env,
});
process.exit(vitest.status ?? 1);
