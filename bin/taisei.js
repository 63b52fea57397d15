#!/usr/bin/env node
// Launcher. Runs the bundled CLI (dist/cli/main.cjs, which holds what every start needs) and the
// chunks it loads on demand (dist/cli/chunk-*.cjs), each once and each with a V8 code cache beside
// it, so a pre-commit `taisei validate` does not spend its time compiling them again on every
// commit. A cache is an optimisation only: if it is missing, stale
// (another Node version) or unwritable, the CLI runs the same, only a little slower, and a fresh
// cache is written when the folder allows.
import { readFileSync, renameSync, writeFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

// `taisei rules list | head`: when the reader closes the pipe, stop quietly; an output that cannot
// be written (`> /dev/full`) is said as the CLI says any input/output failure (exit 3, no trace).
let cli;
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    if (typeof error.code === 'string' && cli?.outputFailed) process.exit(cli.outputFailed(error));
    throw error;
  });
}

const dist = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist');
const writeCache = process.env.TAISEI_CODE_CACHE === 'write';
// A code cache keeps the path its script was compiled at, and V8 names that path in stack traces.
// Each cache records its path beside it (file.cache.path); with --debug, a cache made elsewhere
// (the build's, in an installed copy) is not used, so the trace names the files that ran.
const debug = process.argv.includes('--debug');

/** Modules run from a code cache, by file; each one's cache is written at exit if it had none. */
const loaded = new Map();

const requires = new Map();
/** A chunk's require(): another chunk through this loader (one instance of each), anything else as Node would. */
function requireFrom(filename) {
  const dir = dirname(filename);
  let made = requires.get(dir);
  if (!made) {
    const nodeRequire = createRequire(filename);
    made = Object.assign(
      (request) =>
        request.startsWith('./') && request.endsWith('.cjs')
          ? (dir === cliDir && startChunks?.[request.slice(2)]) || load(join(dir, request))
          : nodeRequire(request),
      {
        resolve: nodeRequire.resolve,
        cache: nodeRequire.cache,
      },
    );
    requires.set(dir, made);
  }
  return made;
}

/** Runs a CommonJS chunk through vm.Script with its code cache (file.cache) when there is one. */
function load(filename) {
  const known = loaded.get(filename);
  if (known) return known.module.exports;
  let cachedData;
  if (!writeCache) {
    try {
      cachedData = readFileSync(`${filename}.cache`);
      if (debug && readFileSync(`${filename}.cache.path`, 'utf8') !== filename) cachedData = undefined;
    } catch {
      // no cache yet (or, with --debug, none known to be made here)
      if (debug) cachedData = undefined;
    }
  }
  const source = readFileSync(filename, 'utf8');
  // a dynamic import() inside resolves as it would in a module of the main context
  const importModuleDynamically = vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER;
  const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename,
    cachedData,
    ...(importModuleDynamically ? { importModuleDynamically } : {}),
  });
  const module = { exports: {} };
  loaded.set(filename, { module, script, fresh: cachedData === undefined || script.cachedDataRejected });
  script.runInThisContext()(module.exports, requireFrom(filename), module, filename, dirname(filename));
  return module.exports;
}

// main.cjs holds every chunk a start needs, and hands them to the chunks loaded later by name
const cliDir = join(dist, 'cli');
let startChunks;
cli = load(join(cliDir, 'main.cjs'));
startChunks = cli.__taiseiChunks;
process.exitCode = await cli.main(process.argv.slice(2));

for (const [filename, { script, fresh }] of loaded) {
  if (!fresh) continue;
  const cacheFile = `${filename}.cache`;
  const temp = `${cacheFile}.${process.pid}.tmp`;
  try {
    writeFileSync(temp, script.createCachedData());
    renameSync(temp, cacheFile);
    writeFileSync(`${cacheFile}.path`, filename);
  } catch {
    try {
      rmSync(temp, { force: true });
    } catch {
      // nothing was written
    }
  }
}
