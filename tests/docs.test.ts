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

describe("README's table of limits", () => {
  it('gives the values the code applies', async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const row = (input: string) => {
      const line = readme.split('\n').find((l) => l.startsWith(`| ${input} |`));
      expect(line, input).toBeDefined();
      return line!.split('|')[2]!.trim();
    };
    const { DEFAULT_LIMITS, MAX_BUNDLE_BYTES } = await import('../src/util/zip.js');
    const { DEFAULT_PDF_LIMITS } = await import('../src/bundle/pdf-read.js');
    const { DEFAULT_MAX_FILE_MB } = await import('../src/load/read.js');
    const { MAX_DEPTH } = await import('../src/util/depth.js');
    const { MAX_ALIAS_COUNT } = await import('../src/load/parse-result.js');
    const mb = (bytes: number) => `${bytes / 1024 / 1024} MB`;
    expect(row('a YAML file (`--max-file-size`)')).toBe(`${DEFAULT_MAX_FILE_MB} MB`);
    expect(row('nesting of YAML, JSON and a filing.json')).toBe(`${MAX_DEPTH} levels`);
    expect(row('YAML aliases in one file')).toBe(String(MAX_ALIAS_COUNT));
    expect(row('a bundle, or a PDF, verify and ingest read')).toBe(mb(MAX_BUNDLE_BYTES));
    expect(row('entries in a bundle')).toBe(String(DEFAULT_LIMITS.maxEntries));
    expect(row("a bundle's entries unpacked together")).toBe(mb(DEFAULT_LIMITS.maxTotalBytes));
    expect(row('how far one zip entry may expand')).toBe(`${DEFAULT_LIMITS.maxRatio} times`);
    expect(row('a PDF: one stream decoded')).toBe(mb(DEFAULT_PDF_LIMITS.maxStreamBytes));
    expect(row('a PDF: all streams decoded together')).toBe(mb(DEFAULT_PDF_LIMITS.maxDecodedBytes!));
    expect(row('a PDF: one string')).toBe(mb(DEFAULT_PDF_LIMITS.maxStringBytes!));
    expect(row('a PDF: objects read, cross-reference entries')).toBe(DEFAULT_PDF_LIMITS.maxObjects.toLocaleString('en'));
    expect(row("a PDF: bytes searched for streams' ends")).toBe(`${DEFAULT_PDF_LIMITS.maxScanFactor} times the file`);
    expect(row('a number (a count, a year)')).toBe(`±${Number.MAX_SAFE_INTEGER.toLocaleString('en')}`);
  });
});

describe("README's benchmark figures", () => {
  it('are the block npm run bench wrote, unedited', async () => {
    const { README_BEGIN, README_END } = await import('../bench/readme-block.mjs');
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const begin = readme.indexOf(README_BEGIN);
    const end = readme.indexOf(README_END);
    expect(begin).toBeGreaterThan(0);
    expect(end).toBeGreaterThan(begin);
    const block = readme.slice(begin + README_BEGIN.length + 1, end);
    const recorded = /\n\n<!-- sha256 ([0-9a-f]{64}) -->\n$/.exec(block);
    expect(recorded, 'the block ends with the digest the benchmark wrote').not.toBeNull();
    const body = block.slice(0, recorded!.index);
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(body).digest('hex'), 'edited by hand: run npm run bench -- --write-readme').toBe(recorded![1]);
    // what it says: when, on which Node and machine, and each figure against its yardstick
    expect(body).toMatch(/^Measured \d{4}-\d{2}-\d{2} by `npm run bench` on Node v\d+/);
    expect(body).toContain('× `node -e 0`');
    expect(body.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| |')).length).toBeGreaterThan(10);
  });
});
