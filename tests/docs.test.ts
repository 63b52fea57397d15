import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { currentFieldReference } from '../scripts/docs.mjs';
import { ROOT, runCli } from './helpers.js';

describe('docs/fields.md', () => {
  it('is in step with the schemas and profiles (run `npm run docs` after changing them)', () => {
    expect(readFileSync(join(ROOT, 'docs', 'fields.md'), 'utf8')).toBe(currentFieldReference(ROOT));
  });
  it('names every section with the item it falls under in each profile', () => {
    const text = readFileSync(join(ROOT, 'docs', 'fields.md'), 'utf8');
    expect(text).toContain('## `logReviews` — アクセス記録の確認の結果');
    expect(text).toMatch(/ippan-15: 三/);
  });
});

describe('README', () => {
  it('documents every command and every option the CLI offers', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const commands = [...runCli(['--help']).stdout.matchAll(/^ {2}([a-z]+) (?:\[options\]|<|\[)/gm)]
      .map((m) => m[1]!)
      .filter((c) => c !== 'help');
    expect(commands).toEqual(expect.arrayContaining(['validate', 'build', 'verify', 'diff', 'ingest', 'compare']));
    const missing: string[] = [];
    for (const command of commands) {
      if (!readme.includes(`taisei ${command}`)) missing.push(`taisei ${command}`);
      const help = runCli([command, '--help']).stdout;
      for (const [, flag] of help.matchAll(/^ +(?:-\w, )?(--[a-z-]+)/gm)) {
        if (flag !== '--help' && !readme.includes(flag!)) missing.push(`${command} ${flag}`);
      }
    }
    expect(missing).toEqual([]);
  });
});
