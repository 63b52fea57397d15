// The fast subset reader must agree with the reference parser (eemeli/yaml, core schema) on every
// document it accepts, and must decline — never guess — on everything else.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { fastParse, NOT_HANDLED } from '../src/load/fast-yaml.js';
import { ROOT } from './helpers.js';

function reference(text: string): unknown {
  return parse(text, { schema: 'core', uniqueKeys: true, merge: false, maxAliasCount: 100 });
}

function agrees(text: string): 'handled' | 'declined' {
  const fast = fastParse(text);
  if (fast === NOT_HANDLED) return 'declined';
  expect(fast, text).toEqual(reference(text));
  return 'handled';
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules' || name.startsWith('.')) return [];
    return statSync(path).isDirectory() ? yamlFiles(path) : /\.ya?ml$/.test(name) ? [path] : [];
  });
}

describe('fast YAML reader', () => {
  it('agrees with the reference parser on every YAML file in the repository', () => {
    const files = [...yamlFiles(join(ROOT, 'examples')), ...yamlFiles(join(ROOT, 'tests', 'fixtures'))];
    expect(files.length).toBeGreaterThan(20);
    let handled = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      let referenceFails = false;
      try {
        reference(text);
      } catch {
        referenceFails = true;
      }
      if (referenceFails) expect(fastParse(text), file).toBe(NOT_HANDLED);
      else if (agrees(text) === 'handled') handled++;
    }
    // The examples are written in the plain subset: all of them take the fast path.
    expect(handled).toBeGreaterThanOrEqual(yamlFiles(join(ROOT, 'examples')).length);
  });

  it('handles the constructs filings use', () => {
    const cases = [
      'a: 1\nb: -5\nc: 0o14\nd: 0x1F\ne: 1.5e3\nf: .inf\ng: ~\nh: Null\ni: TRUE\nj: yes\nk: 2025-06-20\nl: "09"\nm: 012\n',
      'list:\n- a\n- b\nafter: x\n',
      'list:\n  - id: A\n    name: x\n  -   id: B\n      name: y\n  -\n    id: C\n',
      'q: \'it\'\'s\'\nd: "tab\\there \\u00e9 \\x41 \\"q\\""\n',
      'flow: [a, "b, c", [1, 2], {k: v, n: 3}]\nempty: []\nmap: {}\n',
      'text: |\n  line one\n\n    indented\n  last\nnext: 1\n',
      'strip: |-\n  a\n  b\n\n\nkeep: |+\n  a\n\nclip: |\n  a\n\n',
      'empty: |\nnext: 2\n',
      'c: value # comment\n# whole line\nd: "x" # after quotes\ne: a#b\n',
      '---\na: 1\n',
      'url: http://example.com/a:b\ntime: 12:30\n',
      '名前: 東雲電力送配電株式会社\n"quoted key": 1\n',
      'a:\r\n  b: 1\r\n',
    ];
    for (const text of cases) expect(agrees(text), text).toBe('handled');
    expect(fastParse(cases[0]!)).toMatchObject({ j: 'yes', k: '2025-06-20', l: '09', m: 12 });
  });

  it('declines what it does not handle, so the full parser reports it', () => {
    const declined = [
      'a: &x 1\nb: *x\n',
      'a: !tag 1\n',
      'a: >\n  folded\n',
      'a: plain\n  continued\n',
      'a: "two\n  lines"\n',
      'a: 1\na: 2\n',
      'a:\n\tb: 1\n',
      'a: b: c\n',
      '? complex\n: key\n',
      'a: 1\n---\nb: 2\n',
      'a: [1,\n  2]\n',
      'a: |2\n   x\n',
      '__proto__: 1\n',
      'a: "unterminated\n',
      'a:\n  - x\n   - y\n',
      '- - x\n',
    ];
    for (const text of declined) expect(fastParse(text), text).toBe(NOT_HANDLED);
  });

  it('agrees on generated documents in many styles', () => {
    let seed = 42;
    const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const scalars = [
      'x',
      '東雲',
      '12',
      '-3',
      '1.5',
      'true',
      'null',
      '',
      '~',
      'a b',
      'a: b',
      'a #b',
      "it's",
      'say "hi"',
      '-x',
      '2025-04-01',
      '0x1F',
      'yes',
      '[x]',
      '#x',
      ' lead',
      'trail ',
      '𠮷',
      'a\\b',
    ];
    const emitScalar = (s: string): string => {
      const style = random();
      if (style < 0.4) return JSON.stringify(s);
      if (style < 0.6) return `'${s.replace(/'/g, "''")}'`;
      return s; // plain: the reference decides what it means, and the reader must agree or decline
    };
    const emit = (depth: number, indent: string): string => {
      const kind = depth > 2 ? 0 : Math.floor(random() * 3);
      if (kind === 0) return ` ${emitScalar(pick(scalars))}\n`;
      if (kind === 1) {
        let out = '\n';
        const n = 1 + Math.floor(random() * 3);
        for (let i = 0; i < n; i++) out += `${indent}k${i}:${emit(depth + 1, indent + '  ')}`;
        return out;
      }
      let out = '\n';
      const n = 1 + Math.floor(random() * 3);
      for (let i = 0; i < n; i++) out += `${indent}-${emit(depth + 1, indent + '  ')}`;
      return out;
    };
    let handled = 0;
    for (let i = 0; i < 400; i++) {
      const text = `root:${emit(0, '  ')}`;
      let ok = true;
      try {
        reference(text);
      } catch {
        ok = false;
      }
      if (!ok) {
        expect(fastParse(text), text).toBe(NOT_HANDLED);
        continue;
      }
      if (agrees(text) === 'handled') handled++;
    }
    expect(handled).toBeGreaterThan(100);
  });
});
