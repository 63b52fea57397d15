// The fast locator must give exactly the span the general one (YamlLocator, on eemeli/yaml) gives,
// for every path into every document the fast reader accepts, or decline.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fastLocate } from '../src/load/fast-locate.js';
import { fastParse, NOT_HANDLED } from '../src/load/fast-yaml.js';
import { YamlLocator } from '../src/load/yaml-document.js';
import { ROOT } from './helpers.js';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? yamlFiles(path) : /\.ya?ml$/.test(name) ? [path] : [];
  });
}

/** Every path into a value, with whether it ends at a scalar. */
function* paths(value: unknown, path: string[] = []): Generator<{ path: string[]; scalar: boolean }> {
  const scalar = value === null || typeof value !== 'object';
  if (path.length > 0) yield { path, scalar };
  if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* paths(value[i], [...path, String(i)]);
  else if (!scalar) for (const [k, v] of Object.entries(value as object)) yield* paths(v, [...path, k]);
}

/** Compares the two locators on every path (and on paths that do not exist); returns how many the fast one answered. */
function agree(text: string, label: string): { answered: number; scalars: number } {
  const data = fastParse(text);
  if (data === NOT_HANDLED) return { answered: 0, scalars: 0 };
  const full = new YamlLocator(text);
  let answered = 0;
  let scalars = 0;
  for (const { path, scalar } of paths(data)) {
    if (scalar) scalars++;
    for (const target of ['value', 'key'] as const) {
      const fast = fastLocate(text, path, target);
      if (fast === undefined) continue;
      if (scalar && target === 'value') answered++;
      expect(fast, `${label} ${path.join('/')} (${target})`).toEqual(full.locate(path, target));
    }
    // a path that goes one step too far, or names a key that is not there
    for (const extra of [
      [...path, 'missing'],
      [...path, '7'],
    ]) {
      const fast = fastLocate(text, extra, 'value');
      if (fast !== undefined) expect(fast, `${label} ${extra.join('/')}`).toEqual(full.locate(extra, 'value'));
    }
  }
  return { answered, scalars };
}

describe('fast locator', () => {
  it('agrees with the general locator on every path of every YAML file in the repository, and answers most', () => {
    let answered = 0;
    let scalars = 0;
    for (const file of [...yamlFiles(join(ROOT, 'examples')), ...yamlFiles(join(ROOT, 'tests', 'fixtures'))]) {
      const result = agree(readFileSync(file, 'utf8'), file);
      answered += result.answered;
      scalars += result.scalars;
    }
    expect(scalars).toBeGreaterThan(5000);
    // block scalars (|) and a few others are left to the general locator
    expect(answered / scalars).toBeGreaterThan(0.9);
  });

  it('agrees on the shapes filings use, keys and values alike', () => {
    const cases = [
      'a: 1\nb:   two  # comment\nc: "q # not a comment"\nd: \'it\'\'s\'\n"e f": x\n',
      'list:\n- a\n-   b\nafter: {k: v, n: [1, "2", x y ]}\n',
      'list:\n  - id: A\n    name: x\n  -   id: B\n      deep:\n        - [p, q]\n  -\n    id: C\nempty:\nnull: ~\n',
      'text: |\n  line\nnext: 1\n',
      '---\na: 1\n',
      'a:\r\n  b: 1\r\n',
      'root:\n  - k: [a, {b: c}]\n    j:\n      - 1\n',
    ];
    for (const text of cases) agree(text, JSON.stringify(text));
    expect(fastLocate('list:\n  - id: A\n    name: x\n', ['list', '0', 'name'], 'value')).toEqual({
      line: 3,
      column: 11,
      endLine: 3,
      endColumn: 12,
    });
    expect(fastLocate('a: {k: v}\n', ['a', 'k'], 'key')).toEqual({ line: 1, column: 5, endLine: 1, endColumn: 6 });
  });

  it('declines what it cannot answer exactly', () => {
    expect(fastLocate('text: |\n  line\n', ['text'], 'value')).toBeUndefined();
    expect(fastLocate('list:\n  - id: A\n', ['list', '0'], 'value')).toBeUndefined();
    expect(fastLocate('a: 1\n', [], 'value')).toBeUndefined();
    expect(fastLocate('a: 1\n', ['b'], 'value')).toBeUndefined();
  });
});
