// Every code the source can emit is explained in docs/diagnostics.md (SARIF helpUri points there).
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './helpers.js';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? (name === 'generated' ? [] : sources(path)) : name.endsWith('.ts') ? [path] : [];
  });
}

describe('docs/diagnostics.md', () => {
  it('documents every diagnostic code', () => {
    const codes = new Set<string>();
    for (const file of sources(join(ROOT, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/code: '([a-z]+\/[a-z-]+)'/g)) codes.add(m[1]!);
      for (const m of text.matchAll(/make\('([a-z-]+)'/g)) codes.add(`schema/${m[1]}`);
      for (const m of text.matchAll(/'(io\/[a-z-]+)'/g)) codes.add(m[1]!);
      for (const m of text.matchAll(/problem\('([a-z]+\/[a-z-]+)'/g)) codes.add(m[1]!);
    }
    codes.add('input/encoding');
    expect(codes.size).toBeGreaterThan(25);
    const doc = readFileSync(join(ROOT, 'docs', 'diagnostics.md'), 'utf8');
    const headings = new Set([...doc.matchAll(/^### (\S+)$/gm)].map((m) => m[1]));
    for (const code of codes) expect(headings, code).toContain(code);
  });
});
