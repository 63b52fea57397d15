#!/usr/bin/env node
// Launcher. Runs the bundled CLI (dist/cli.cjs) with a V8 code cache beside it, so a pre-commit
// `taisei validate` does not spend its time compiling the bundle again on every commit. The cache
// is an optimisation only: if it is missing, stale (another Node version) or unwritable, the CLI
// runs the same, only a little slower, and a fresh cache is written when the folder allows.
import { readFileSync, renameSync, writeFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

// `taisei rules list | head`: when the reader closes the pipe, stop quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
}

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const filename = join(dist, 'cli.cjs');
const cacheFile = `${filename}.cache`;

let cachedData;
if (process.env.TAISEI_CODE_CACHE !== 'write') {
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    // no cache yet
  }
}
const source = readFileSync(filename, 'utf8');
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, { filename, cachedData });
const module = { exports: {} };
script.runInThisContext()(module.exports, createRequire(filename), module, filename, dist);
process.exitCode = await module.exports.main(process.argv.slice(2));

if (cachedData === undefined || script.cachedDataRejected) {
  const temp = `${cacheFile}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, script.createCachedData());
    renameSync(temp, cacheFile);
  } catch {
    try {
      rmSync(temp, { force: true });
    } catch {
      // nothing was written
    }
  }
}
