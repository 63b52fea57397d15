// The package as it is distributed: `npm pack`'s tarball, installed into an empty project, builds a
// filing, and the install prints no warning (no install script for npm to ask about).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, ROOT, baseEnv, tempDir } from './helpers.js';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

describe('the npm pack tarball', () => {
  it('installs into an empty project without a warning, and builds a filing from there', () => {
    // packed from a copy, so that the clone's package.json is never touched while tests run
    const copy = join(tempDir('taisei-pack-'), 'taisei');
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { files: string[]; name: string; version: string };
    mkdirSync(join(copy, 'scripts'), { recursive: true });
    for (const entry of [...pkg.files.filter((f) => !f.startsWith('!')), 'package.json', 'README.md', 'LICENSE'])
      if (existsSync(join(ROOT, entry))) cpSync(join(ROOT, entry), join(copy, entry), { recursive: true });
    cpSync(join(ROOT, 'scripts', 'pack.mjs'), join(copy, 'scripts', 'pack.mjs'));
    // what prepack does after the build (the build is npm test's first step)
    expect(spawnSync(process.execPath, [join(copy, 'scripts', 'pack.mjs'), 'strip']).status).toBe(0);
    const packed = spawnSync(npm, ['pack', '--ignore-scripts', '--pack-destination', copy], {
      cwd: copy,
      encoding: 'utf8',
      env: baseEnv(),
    });
    expect(packed.status, packed.stderr).toBe(0);
    const tarball = join(copy, `${pkg.name}-${pkg.version}.tgz`);
    expect(existsSync(tarball)).toBe(true);

    const project = tempDir('taisei-project-');
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'filings', version: '1.0.0', private: true }));
    const install = spawnSync(npm, ['install', '--prefer-offline', '--no-audit', '--no-fund', tarball], {
      cwd: project,
      encoding: 'utf8',
      env: baseEnv(),
    });
    expect(install.status, install.stderr).toBe(0);
    expect(install.stderr.split('\n').filter((l) => /warn/i.test(l))).toEqual([]);
    const installed = JSON.parse(readFileSync(join(project, 'node_modules', 'taisei', 'package.json'), 'utf8'));
    expect(installed.scripts?.prepare).toBeUndefined();
    expect(installed.repository?.url).toMatch(/^git\+https:\/\//);

    const build = spawnSync(join(project, 'node_modules', '.bin', 'taisei'), ['build', join(EXAMPLES, 'soden-13'), '--out', 'out'], {
      cwd: project,
      encoding: 'utf8',
      env: baseEnv(),
    });
    expect(build.status, build.stderr).toBe(0);
    expect(readdirSync(join(project, 'out')).sort()).toEqual(['report-2024-submission.pdf', 'report-2024-submission.zip']);
  }, 120_000);
});
