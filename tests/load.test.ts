// The loader: encodings, size limits, directory merging, and the hostile-YAML defences.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePaths } from '../src/validate/index.js';
import { resolveTargets } from '../src/load/filing.js';
import { HEADER, runCli, writeTree } from './helpers.js';

const en = { lang: 'en' as const, rules: false };

describe('encodings', () => {
  it('accepts a UTF-8 BOM', async () => {
    const dir = writeTree({ 'f.yaml': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(HEADER)]) });
    const result = await validatePaths([join(dir, 'f.yaml')], en);
    expect(result.diagnostics).toEqual([]);
  });

  it('reports Shift_JIS with its position and the fix, instead of garbled text', async () => {
    const sjis = Buffer.concat([Buffer.from('filer:\n  name: '), Buffer.from([0x93, 0x8c, 0x89, 0x5f]), Buffer.from('\n')]); // 東雲 in Shift_JIS
    const dir = writeTree({ 'f.yaml': sjis });
    const result = await validatePaths([join(dir, 'f.yaml')], en);
    expect(result.diagnostics).toHaveLength(1);
    const [d] = result.diagnostics;
    expect(d).toMatchObject({ code: 'input/encoding', line: 2, column: 9 });
    expect(d!.message).toMatch(/Shift_JIS/);
    expect(d!.hint).toMatch(/UTF-8/);
    const ja = await validatePaths([join(dir, 'f.yaml')], { lang: 'ja', rules: false });
    expect(ja.diagnostics[0]!.message).toMatch(/UTF-8 ではありません/);
  });

  it('reports UTF-16', async () => {
    const dir = writeTree({ 'f.yaml': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('filer:\n', 'utf16le')]) });
    const result = await validatePaths([join(dir, 'f.yaml')], en);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['input/encoding']);
    expect(result.diagnostics[0]!.message).toMatch(/UTF-16/);
  });
});

describe('limits and hostile input', () => {
  it('refuses a file over the size limit without reading it', async () => {
    const dir = writeTree({ 'f.yaml': HEADER + '# ' + 'x'.repeat(1024 * 1024) + '\n' });
    const result = await validatePaths([join(dir, 'f.yaml')], { lang: 'en', maxFileMB: 1, rules: false });
    expect(result.diagnostics.map((d) => d.code)).toEqual(['input/too-large']);
    expect(result.diagnostics[0]!.message).toMatch(/limit of 1 MB/);
  });

  it('takes the size limit from taisei.config.yaml', async () => {
    const dir = writeTree({ 'filing.yaml': HEADER + '# ' + 'x'.repeat(1100 * 1024) + '\n', 'taisei.config.yaml': 'maxFileSizeMB: 1\n' });
    const result = await validatePaths([dir], en);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['input/too-large']);
  });

  it('stops an alias bomb within a second', async () => {
    let text = 'a: &a ["x","x","x","x","x","x","x","x","x"]\n';
    let prev = 'a';
    for (let i = 1; i <= 12; i++) {
      text += `l${i}: &l${i} [${Array(9).fill(`*${prev}`).join(',')}]\n`;
      prev = `l${i}`;
    }
    const dir = writeTree({ 'bomb.yaml': text });
    const started = performance.now();
    const result = await validatePaths([join(dir, 'bomb.yaml')], en);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['yaml/alias-limit']);
  });

  it('reports pathological nesting instead of overflowing the stack', async () => {
    const dir = writeTree({ 'deep.yaml': 'systems: ' + '['.repeat(50_000) + ']'.repeat(50_000) + '\n' });
    const result = await validatePaths([join(dir, 'deep.yaml')], en);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['yaml/too-deep']);
  });

  it('keeps dates as strings and does not read yes/no as booleans (YAML 1.2 core)', async () => {
    const dir = writeTree({ 'f.yaml': HEADER.replace('name: 山田 太郎', 'name: yes') });
    const result = await validatePaths([join(dir, 'f.yaml')], en);
    expect(result.diagnostics).toEqual([]);
    expect((result.results[0]!.loaded!.data as { submissionDate: unknown }).submissionDate).toBe('2025-06-20');
  });

  it('reports every duplicate key at once, each with the first place', async () => {
    const dir = writeTree({ 'f.yaml': HEADER + 'fiscalYear: 2025\nfilerType: transmission\n' });
    const result = await validatePaths([join(dir, 'f.yaml')], en);
    expect(result.diagnostics.map((d) => `${d.code} ${d.line} ${d.related?.[0]?.line}`)).toEqual([
      'yaml/duplicate-key 11 9',
      'yaml/duplicate-key 12 8',
    ]);
  });
});

describe('directories', () => {
  it('merges section files by top-level key', async () => {
    const dir = writeTree({
      'filing.yaml': HEADER,
      'rules.yaml': 'rules:\n  - id: R-1\n    title: 規程\n    established: 2020-04-01\n    scope: [employees]\n    summary: 内容\n',
    });
    const result = await validatePaths([dir], en);
    expect(result.diagnostics).toEqual([]);
    expect(Object.keys(result.results[0]!.loaded!.data!)).toContain('rules');
    expect(result.files.sort()).toEqual([join(dir, 'filing.yaml'), join(dir, 'rules.yaml')]);
  });

  it('names both places when a section is defined in two files', async () => {
    const rules = 'rules:\n  - id: R-1\n    title: 規程\n    established: 2020-04-01\n    scope: [employees]\n    summary: 内容\n';
    const dir = writeTree({ 'filing.yaml': HEADER, 'a.yaml': rules, 'b.yaml': '# second copy\n' + rules });
    const result = await validatePaths([dir], en);
    expect(result.diagnostics).toHaveLength(1);
    const d = result.diagnostics[0]!;
    expect(d).toMatchObject({ code: 'input/duplicate-section', file: join(dir, 'b.yaml'), line: 2, column: 1 });
    expect(d.related?.[0]).toMatchObject({ file: join(dir, 'a.yaml'), line: 1, column: 1 });
    expect(d.hint).toContain(`${join(dir, 'a.yaml')}:1:1`);
  });

  it('places a finding in the section file that holds the value', async () => {
    const dir = writeTree({
      'filing.yaml': HEADER,
      'rules.yaml': '\nrules:\n  - id: R-1\n    title: 規程\n    established: 2020-02-30\n    scope: [employees]\n    summary: 内容\n',
    });
    const result = await validatePaths([dir], en);
    expect(result.diagnostics.map((d) => `${d.file}:${d.line}:${d.column}`)).toEqual([`${join(dir, 'rules.yaml')}:5:18`]);
  });

  it('reports a directory without filing.yaml', async () => {
    const dir = writeTree({ 'rules.yaml': 'rules: []\n' });
    const result = await validatePaths([dir], en);
    expect(result.diagnostics.map((d) => d.code)).toContain('input/no-filing-yaml');
  });

  it('treats a changed section file as its whole filing (pre-commit passes single files)', () => {
    const dir = writeTree({ 'filing.yaml': HEADER, 'rules.yaml': 'rules: []\n', 'systems.yaml': 'systems: []\n' });
    const targets = resolveTargets([join(dir, 'rules.yaml'), join(dir, 'systems.yaml'), join(dir, 'filing.yaml')]);
    expect(targets).toEqual([{ path: dir, kind: 'directory' }]);
  });

  it('checks a lone section file against the section schema', async () => {
    const dir = writeTree({
      'rules.yaml': 'rules:\n  - id: R-1\n    title: 規程\n    established: 2020-04-01\n    scope: [staff]\n    summary: 内容\n',
    });
    const result = await validatePaths([join(dir, 'rules.yaml')], en);
    expect(result.results[0]!.loaded!.kind).toBe('section');
    expect(result.diagnostics.map((d) => `${d.code} ${d.line}:${d.column}`)).toEqual(['schema/enum 5:13']);
  });

  it('never modifies its inputs', async () => {
    const dir = writeTree({ 'filing.yaml': HEADER + 'bogus: 1\n' });
    const before = HEADER + 'bogus: 1\n';
    await validatePaths([dir], en);
    expect(readFileSync(join(dir, 'filing.yaml'), 'utf8')).toBe(before);
    expect(readdirSync(dir)).toEqual(['filing.yaml']);
  });
});

describe('files that are no YAML, as a pre-commit hook hands them over', () => {
  it('checks the filing an attachment belongs to, skips a file of no filing with a note, and build refuses it', async () => {
    const tree = writeTree({
      'filings/2024/filing.yaml': `${HEADER}\nattachments:\n  - {id: a1, title: 平面図, file: attachments/plan.pdf, kind: floor-plan}\n`,
      'filings/2024/attachments/plan.pdf': '%PDF-1.7\n',
      'filings/notes.docx': 'draft',
      'photo.png': 'png',
    });
    const filing = join(tree, 'filings', '2024');
    expect(resolveTargets([join(filing, 'attachments', 'plan.pdf')])).toEqual([{ path: filing, kind: 'directory' }]);
    const result = await validatePaths(
      [join(filing, 'attachments', 'plan.pdf'), join(tree, 'filings', 'notes.docx'), join(tree, 'photo.png')],
      {
        lang: 'en',
        rules: false,
      },
    );
    expect(result.ioFailure).toBe(false);
    expect(result.results.map((r) => r.target.path)).toEqual([filing]);
    const notes = result.diagnostics.filter((d) => d.code === 'io/not-a-filing-file');
    expect(notes.map((d) => [d.severity, d.file])).toEqual([
      ['info', join(tree, 'filings', 'notes.docx')],
      ['info', join(tree, 'photo.png')],
    ]);
    expect(notes[0]!.message).toContain('skipped');
    const ja = await validatePaths([join(tree, 'photo.png')], { lang: 'ja' });
    expect(ja.diagnostics[0]!.message).toContain('確認を省きました');
    // build takes one filing: a file of none is refused (exit 3)
    const build = runCli(['build', join(tree, 'photo.png'), '--out', join(tree, 'out')]);
    expect(build.status).toBe(3);
    expect(build.stdout).toMatch(/is not a YAML file.*io\/not-yaml/);
  });
});
