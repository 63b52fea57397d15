// build --watch: rebuilds when a file of the filing changes, reporting findings as it goes.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, EXAMPLES, tempDir, baseEnv } from './helpers.js';

function waitFor(read: () => string, pattern: RegExp, ms: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const tick = () => {
      if (pattern.test(read())) return resolve();
      if (Date.now() - started > ms) return reject(new Error(`timed out waiting for ${pattern}; output:\n${read()}`));
      setTimeout(tick, 50);
    };
    tick();
  });
}

describe('build --watch', () => {
  it('rebuilds after a change, reports a broken file, and recovers', async () => {
    const dir = join(tempDir('taisei-watch-'), 'filing');
    cpSync(join(EXAMPLES, 'soden-13'), dir, { recursive: true });
    const out = join(dir, '..', 'out');
    const child = spawn(process.execPath, [BIN, 'build', dir, '--out', out, '--watch'], {
      env: baseEnv(),
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    try {
      await waitFor(() => output, /watching/, 20_000);
      expect(existsSync(join(out, 'report-2024-submission.pdf'))).toBe(true);
      const file = join(dir, 'filing.yaml');
      const original = readFileSync(file, 'utf8');
      rmSync(join(out, 'report-2024-submission.pdf'));
      writeFileSync(file, original.replace('filerType: transmission', 'filerType: transmision'));
      await waitFor(() => output, /schema\/enum/, 20_000);
      expect(existsSync(join(out, 'report-2024-submission.pdf'))).toBe(false);
      writeFileSync(file, original);
      await waitFor(() => output, /wrote .*report-2024-submission\.pdf[\s\S]*wrote .*report-2024-submission\.pdf/, 20_000);
      expect(existsSync(join(out, 'report-2024-submission.pdf'))).toBe(true);
    } finally {
      child.kill();
    }
  }, 60_000);

  it('rebuilds a one-file filing saved by rename, as editors save, every time; says an output folder replaced by a file and goes on', async () => {
    const dir = tempDir('taisei-watch-');
    const file = join(dir, 'filing.yaml');
    cpSync(join(EXAMPLES, 'soden-13', 'filing.yaml'), file);
    const out = join(dir, 'out');
    const child = spawn(process.execPath, [BIN, 'build', file, '--out', out, '--watch', '--lang', 'en'], { env: baseEnv() });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    const wrote = (n: number) => new RegExp(`(?:wrote .*report-2024-submission\\.pdf[\\s\\S]*){${n}}`);
    const saveByRename = (text: string) => {
      writeFileSync(`${file}.swp`, text);
      renameSync(`${file}.swp`, file);
    };
    try {
      await waitFor(() => output, /watching/, 20_000);
      const original = readFileSync(file, 'utf8');
      saveByRename(original.replace('北灘送電', '北灘送電 '));
      await waitFor(() => output, wrote(2), 20_000);
      saveByRename(original);
      await waitFor(() => output, wrote(3), 20_000);
      // the output folder becomes a file: said, and the watch goes on to build again once it is a folder
      rmSync(out, { recursive: true });
      writeFileSync(out, 'not a folder');
      saveByRename(original.replace('北灘送電', '北灘送電 '));
      await waitFor(() => output, /taisei: .*out/, 20_000);
      expect(output).not.toMatch(/\n\s+at /);
      expect(output).not.toContain('Unhandled');
      rmSync(out);
      saveByRename(original);
      await waitFor(() => output, wrote(4), 20_000);
    } finally {
      child.kill();
    }
  }, 90_000);
});
