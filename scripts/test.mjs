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

// A real browser for the tests of compare's HTML page: Debian's chromium, installed here when it is
// missing (as root, as CI runs; otherwise the command to run is said). The tests never skip.
function findChromium() {
  if (env.TAISEI_TEST_CHROMIUM) return env.TAISEI_TEST_CHROMIUM;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  }
  return undefined;
}
let chromium = findChromium();
if (!chromium && process.platform === 'linux' && process.getuid?.() === 0 && spawnSync('sh', ['-c', 'command -v apt-get']).status === 0) {
  process.stderr.write("test: installing Debian's chromium for the HTML report's browser tests\n");
  const aptEnv = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env: aptEnv });
  const install = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: aptEnv });
  if (install.status !== 0) process.exit(install.status ?? 1);
  chromium = findChromium();
}
if (!chromium) {
  process.stderr.write(
    'test: the HTML report is tested in a real browser, and none was found: install Chromium (Debian: apt-get install chromium) or set TAISEI_TEST_CHROMIUM to its path\n',
  );
  process.exit(1);
}
env.TAISEI_TEST_CHROMIUM = chromium;

const vitest = spawnSync(process.execPath, [join(root, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env,
});
process.exit(vitest.status ?? 1);
