// Generates N bundles for the regulator benchmark: the ippan-15 example under N fictional filers
// (distinct corporate numbers and names, a few numbers varied), built in one process.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Builds bundles number `from` to `to - 1` into `dir` and returns their paths. */
export async function generateBundles(root, dir, from, to) {
  const lib = await import(pathToFileURL(join(root, 'dist', 'lib', 'index.js')).href);
  mkdirSync(dir, { recursive: true });
  const example = join(root, 'examples', 'ippan-15');
  const filing = readFileSync(join(example, 'filing.yaml'), 'utf8');
  const trainings = readFileSync(join(example, 'trainings.yaml'), 'utf8');
  const paths = [];
  for (let i = from; i < to; i++) {
    const src = join(dir, `src-${i}`);
    cpSync(example, src, { recursive: true });
    const base = String(901040110000 + i).padStart(12, '0');
    const number = `${lib.corporateCheckDigit(base)}${base}`;
    writeFileSync(
      join(src, 'filing.yaml'),
      filing.replace('東雲電力送配電株式会社', `第${i + 1}電力送配電株式会社`).replace('"9010401199001"', `"${number}"`),
    );
    writeFileSync(join(src, 'trainings.yaml'), trainings.replace('participants: 4788', `participants: ${4700 + (i % 89)}`));
    const out = join(dir, `out-${i}`);
    const result = await lib.buildFiling(src, { lang: 'en', out, editions: ['submission'] });
    const bundle = result.outputs[0]?.bundle;
    if (!bundle) throw new Error(`bundle ${i} was not built: ${JSON.stringify(result.diagnostics.filter((d) => d.severity === 'error'))}`);
    paths.push(bundle);
  }
  return paths;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [root, dir, from, to] = process.argv.slice(2);
  const t0 = performance.now();
  const paths = await generateBundles(root, dir, Number(from), Number(to));
  process.stdout.write(`${paths.length} bundles in ${((performance.now() - t0) / 1000).toFixed(1)} s\n`);
}
