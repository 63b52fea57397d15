// build --watch: rebuilds when a file of the filing changes, reporting findings as it goes.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
});
