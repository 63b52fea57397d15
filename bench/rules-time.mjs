// Prints how long the rules take, cold (first call in a fresh process), on one filing.
import { join } from 'node:path';
const [root, target] = process.argv.slice(2);
const lib = await import(join(root, 'dist', 'lib', 'index.js'));
const [t] = lib.resolveTargets([target]);
const result = await lib.validateTarget(t, { lang: 'en', rules: false });
const started = performance.now();
const run = lib.runRules(result.loaded.data, {
  lang: 'en',
  profile: result.profile,
  config: result.config,
  baseDir: result.loaded.baseDir,
});
const ms = performance.now() - started;
process.stdout.write(JSON.stringify({ ms, findings: run.diagnostics.length }) + '\n');
