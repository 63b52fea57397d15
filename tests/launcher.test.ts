// bin/taisei.js runs the CLI's chunks through V8 code caches; a cache must never change behaviour.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, FIXTURES, ROOT, tempDir, baseEnv } from './helpers.js';

function copyOfPackage(): string {
  const dir = tempDir('taisei-pkg-');
  for (const part of ['bin', 'dist', 'schemas', 'package.json']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  return dir;
}

const run = (pkg: string, args: string[]) =>
  spawnSync(process.execPath, [join(pkg, 'bin', 'taisei.js'), ...args], {
    encoding: 'utf8',
    env: baseEnv(),
  });

describe('launcher and code cache', () => {
  it('works without a cache, writes one per chunk it loads, and gives the same output with it', () => {
    const pkg = copyOfPackage();
    const dir = join(pkg, 'dist', 'cli');
    const caches = () => readdirSync(dir).filter((n) => n.endsWith('.cjs.cache'));
    for (const name of caches()) rmSync(join(dir, name));
    expect(run(pkg, ['validate', join(EXAMPLES, 'soden-13')]).status).toBe(0);
    const startUp = caches();
    expect(startUp).toContain('main.cjs.cache');
    expect(readFileSync(join(dir, 'main.cjs.cache')).length).toBeGreaterThan(10_000);
    // an alias needs the general YAML parser, a chunk loaded on demand: it gets its own cache
    const bad = join(FIXTURES, 'diagnostics', 'alias-resolved.yaml');
    const first = run(pkg, ['validate', bad]);
    expect(first.status).toBe(1);
    expect(caches().length).toBeGreaterThan(startUp.length);
    const second = run(pkg, ['validate', bad]);
    expect(second.stdout).toBe(first.stdout);
    expect(second.status).toBe(1);
  });

  it('ignores a corrupt cache', () => {
    const pkg = copyOfPackage();
    writeFileSync(join(pkg, 'dist', 'cli', 'main.cjs.cache'), Buffer.alloc(50_000, 7));
    const result = run(pkg, ['validate', join(EXAMPLES, 'soden-13')]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
  });

  it('still runs when the cache cannot be written', () => {
    const pkg = copyOfPackage();
    const cache = join(pkg, 'dist', 'cli', 'main.cjs.cache');
    // A non-empty directory where the cache file should be: reading and renaming onto it both fail,
    // whoever runs the test (chmod would not stop root).
    rmSync(cache, { force: true });
    mkdirSync(join(cache, 'occupied'), { recursive: true });
    const result = run(pkg, ['validate', join(EXAMPLES, 'soden-13')]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(readdirSync(join(pkg, 'dist', 'cli')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});
