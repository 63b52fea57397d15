// A profile is data: a copy of the package with a throwaway profile added in profiles/ and its
// wording in templates/ (and nothing else changed) builds, lists and prints a filing under it.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { baseEnv, EXAMPLES, ROOT, tempDir } from './helpers.js';
import { readPdf } from './pdf-helpers.js';

const ITEM_TITLE = '前条第一項第一号の規定により区分した室の配置及びその図面（試験用の改正）';
const COVER = '体制整備等報告書（試験用の様式）';

let pkg: string;
const run = (args: string[]) => spawnSync(process.execPath, [join(pkg, 'bin', 'taisei.js'), ...args], { encoding: 'utf8', env: baseEnv() });

beforeAll(() => {
  // the package as a contributor has it, node_modules shared
  pkg = tempDir('taisei-extend-');
  for (const part of [
    'package.json',
    'tsconfig.json',
    'bin',
    'scripts',
    'src',
    'schemas',
    'profiles',
    'templates',
    'catalogues',
    'fonts',
    'examples',
  ])
    cpSync(join(ROOT, part), join(pkg, part), {
      recursive: true,
      filter: (path) => !path.includes(`${join('src', 'model', 'generated')}`),
    });
  symlinkSync(join(ROOT, 'node_modules'), join(pkg, 'node_modules'), 'dir');
  // the whole change: a profile file (the 15 items, in force from 2024 and superseding ippan-15, one
  // item retitled) and one template of its own
  const profile = JSON.parse(readFileSync(join(pkg, 'profiles', 'ippan-15.json'), 'utf8'));
  Object.assign(profile, {
    id: 'ippan-99',
    title: '一般送配電事業者・15事項（試験用）',
    fiscalYears: { from: 2024 },
    supersedes: 'ippan-15',
  });
  profile.items[0].title = ITEM_TITLE;
  writeFileSync(join(pkg, 'profiles', 'ippan-99.json'), JSON.stringify(profile, null, 2));
  mkdirSync(join(pkg, 'templates', 'ippan-99'));
  writeFileSync(join(pkg, 'templates', 'ippan-99', 'cover-title.hbs'), COVER);
  const built = spawnSync(process.execPath, [join(pkg, 'scripts', 'build.mjs'), '--quiet'], { cwd: pkg, encoding: 'utf8' });
  expect(built.status, built.stderr).toBe(0);
}, 120_000);

describe('a profile added as data', () => {
  it('is listed, chosen for the years it is in force, and printed with its own items and wording', async () => {
    const listed = run(['profiles', '--format', 'json']);
    expect(listed.status, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout).map((p: { id: string }) => p.id)).toContain('ippan-99');
    // the example, naming no profile: the one in force for a 一般送配電事業者 in its year
    const filing = join(tempDir('taisei-extend-'), 'filing');
    cpSync(join(EXAMPLES, 'ippan-15'), filing, { recursive: true });
    const header = readFileSync(join(filing, 'filing.yaml'), 'utf8');
    writeFileSync(join(filing, 'filing.yaml'), header.replace('profile: ippan-15\n', ''));
    const out = join(filing, 'out');
    const build = run(['build', filing, '--out', out]);
    expect(build.status, build.stdout + build.stderr).toBe(0);
    const pdf = await readPdf(readFileSync(join(out, 'report-2024-submission.pdf')));
    expect(pdf.compact).toContain(ITEM_TITLE.replace(/\s+/g, ''));
    expect(pdf.compact).toContain(COVER);
    // named, as the bundle's filing.json then names it: accepted by the schema, not only by the loader
    writeFileSync(join(filing, 'filing.yaml'), header.replace('profile: ippan-15', 'profile: ippan-99'));
    const named = run(['validate', filing, '--format', 'json']);
    expect(JSON.parse(named.stdout).diagnostics.filter((d: { severity: string }) => d.severity === 'error')).toEqual([]);
    const verify = run(['verify', join(out, 'report-2024-submission.zip')]);
    expect(verify.status, verify.stdout + verify.stderr).toBe(0);
  });
});
