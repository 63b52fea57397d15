// Conformance suite for the validate diagnostics: each fixture states the codes and line:col it
// must produce in "# expect: CODE LINE:COL" comments; a fixture with none must be clean.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePaths } from '../src/validate/index.js';
import { FIXTURES } from './helpers.js';

const dir = join(FIXTURES, 'diagnostics');
const fixtures = readdirSync(dir)
  .filter((n) => n.endsWith('.yaml'))
  .sort();

function expectations(text: string) {
  const expected = [...text.matchAll(/^# expect: (\S+) (\d+):(\d+)$/gm)].map((m) => `${m[1]} ${m[2]}:${m[3]}`).sort();
  const related = [...text.matchAll(/^# expect-related: (\d+):(\d+)$/gm)].map((m) => `${m[1]}:${m[2]}`);
  const hint = /^# expect-hint: (.+)$/m.exec(text)?.[1];
  return { expected, related, hint };
}

describe('diagnostic fixtures', () => {
  it('has a fixture for every diagnostic class the loader and schema stage report', () => {
    const codes = new Set(
      fixtures.flatMap((name) => expectations(readFileSync(join(dir, name), 'utf8')).expected.map((e) => e.split(' ')[0])),
    );
    for (const code of [
      'schema/required',
      'schema/unknown-key',
      'schema/enum',
      'schema/type',
      'schema/format',
      'schema/empty',
      'schema/min-items',
      'yaml/syntax',
      'yaml/duplicate-key',
      'yaml/alias-limit',
      'yaml/multiple-documents',
      'input/not-mapping',
      'filing/duplicate-id',
      'profile/filer-type-mismatch',
      'profile/not-in-force',
    ]) {
      expect(codes, code).toContain(code);
    }
  });

  for (const name of fixtures) {
    it(name, async () => {
      const path = join(dir, name);
      const { expected, related, hint } = expectations(readFileSync(path, 'utf8'));
      const result = await validatePaths([path], { lang: 'en', rules: false });
      const actual = result.diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`).sort();
      expect(actual).toEqual(expected);
      for (const d of result.diagnostics) {
        expect(d.file).toBe(path);
        expect(d.message.length).toBeGreaterThan(10);
      }
      if (related.length > 0)
        expect(result.diagnostics.flatMap((d) => d.related ?? []).map((r) => `${r.line}:${r.column}`)).toEqual(related);
      if (hint) expect(result.diagnostics[0]!.hint).toContain(hint);
    });
  }
});
