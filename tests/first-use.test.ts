// What a first-time user and a script meet: help that says true things, messages that name what is
// wrong, and outputs a script can read (build's files with their hashes, whether the rules ran,
// diff --exit-code, keygen's fingerprint).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXAMPLES, HEADER, runCli, tempDir, writeTree } from './helpers.js';

describe('help and messages', () => {
  it('names a missing required option by its long form', () => {
    const run = runCli(['export', join(EXAMPLES, 'ippan-15'), '--out', join(tempDir(), 'x.csv')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--section <name>');
    expect(run.stderr).not.toContain('-s,');
    const ja = runCli(['ingest', 'x.zip', '--lang', 'ja']);
    expect(ja.stderr).toContain('オプション --db <file> を指定してください');
  });

  it('says what build and compare really do in their help', () => {
    const build = runCli(['build', '--help']).stdout;
    expect(build).toContain('black bar');
    expect(build).not.toContain('print as 非公表');
    const compare = runCli(['compare', '--help']).stdout;
    expect(compare).not.toContain('created on first use');
    expect(compare).toContain('the SQLite database taisei ingest wrote');
  });

  it('says which day a date of the right shape lacks, and what a 和暦 year means', () => {
    const tree = writeTree({
      'filing.yaml': HEADER.replace(/^submissionDate: .*$/m, 'submissionDate: 2025-06-31').replace(
        /^fiscalYear: .*$/m,
        'fiscalYear: 令和6年度',
      ),
    });
    const run = runCli(['validate', tree, '--format', 'json']);
    const diagnostics = JSON.parse(run.stdout).diagnostics as { code: string; message: string; hint?: string }[];
    const date = diagnostics.find((d) => d.message.includes('2025-06-31'))!;
    expect(date.message).toContain('month 6 of 2025 has no day 31');
    expect(date.hint).toContain('30 days');
    const year = diagnostics.find((d) => d.code === 'schema/type')!;
    expect(year.hint).toContain('令和6年度 is the year 2024: write 2024');
    const ja = runCli(['validate', tree, '--lang', 'ja']);
    expect(ja.stdout).toContain('2025年6月に31日はありません');
    // a key missing at the top of a file is added there, not "under" anything
    const missing = runCli(['validate', writeTree({ 'filing.yaml': 'filer:\n  name: x\n' }), '--format', 'json', '--lang', 'en']);
    const required = (JSON.parse(missing.stdout).diagnostics as { code: string; hint?: string }[]).find(
      (d) => d.code === 'schema/required',
    )!;
    expect(required.hint).toMatch(/^add "\w+:" at the top level of the file/);
  });

  it('says which value a Japanese label written in YAML means (level: ソフトウェア), and that .inf and 1e308 are no numbers a filing holds', () => {
    const yaml = readFileSync(join(EXAMPLES, 'soden-13', 'filing.yaml'), 'utf8')
      .replace(/level: none/, 'level: ソフトウェア')
      .replace(/retentionYears: 5/, 'retentionYears: .inf')
      .replace(/headcount: 3/, 'headcount: 1e308');
    const tree = writeTree({ 'filing.yaml': yaml });
    const run = runCli(['validate', tree, '--format', 'json', '--lang', 'en']);
    expect(run.status).toBe(1);
    const diagnostics = JSON.parse(run.stdout).diagnostics as { code: string; message: string; hint?: string }[];
    expect(diagnostics.find((d) => d.code === 'schema/enum')!.hint).toContain('「ソフトウェア」 is the label of software: write software');
    const infinite = diagnostics.find((d) => d.code === 'schema/type')!;
    expect(infinite.message).toContain('must be a number, not an infinite number or no number (.inf, .nan)');
    const huge = diagnostics.find((d) => d.code === 'schema/range')!;
    expect(huge.message).toMatch(/headcount must be at most 9007199254740991 \(it is 1e\+308\)/);
    expect(runCli(['validate', tree, '--lang', 'ja']).stdout).toContain('「ソフトウェア」は software の表示名です');
  });

  it('starts a filing with the profile in force for the year it is given', () => {
    for (const [year, profile] of [
      ['2022', 'ippan-13'],
      ['2024', 'ippan-15'],
    ]) {
      const dir = join(tempDir(), 'filing');
      const run = runCli(['init', dir, '--fiscal-year', year!]);
      expect(run.status, run.stderr).toBe(0);
      expect(readFileSync(join(dir, 'filing.yaml'), 'utf8')).toMatch(new RegExp(`^profile: ${profile}\\b`, 'm'));
      // and the new filing does not warn that its own profile is not in force
      expect(runCli(['validate', dir, '--format', 'json']).stdout).not.toContain('profile/not-in-force');
    }
  });
});

describe('outputs for scripts', () => {
  it('build --format json lists the files written, each with its size and SHA-256; validate says whether the rules ran', () => {
    const out = tempDir();
    const run = runCli(['build', join(EXAMPLES, 'soden-13'), '--out', out, '--format', 'json']);
    expect(run.status).toBe(0);
    const doc = JSON.parse(run.stdout) as {
      written: { path: string; kind: string; bytes: number; sha256: string }[];
      summary: { rulesRun: boolean };
    };
    expect(doc.written.map((w) => w.kind)).toEqual(['pdf', 'bundle']);
    for (const w of doc.written) {
      const bytes = readFileSync(w.path);
      expect(w.bytes).toBe(bytes.length);
      expect(w.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
    expect(doc.summary.rulesRun).toBe(true);
    const broken = writeTree({ 'filing.yaml': HEADER.replace(/^fiscalYear: .*$/m, 'fiscalYear: soon') });
    expect(JSON.parse(runCli(['validate', broken, '--format', 'json']).stdout).summary.rulesRun).toBe(false);
  });

  it('ingest --format json says what became of each bundle, and why a refused one was refused', () => {
    const out = tempDir();
    expect(runCli(['build', join(EXAMPLES, 'soden-13'), '--out', out]).status).toBe(0);
    const bundle = join(out, 'report-2024-submission.zip');
    const db = join(tempDir(), 'r.db');
    const run = runCli(['ingest', '--db', db, bundle, bundle, '--format', 'json']);
    expect(run.status).toBe(0);
    const doc = JSON.parse(run.stdout) as { ingested: { path: string; status: string; hash: string; reasons?: string[] }[] };
    expect(doc.ingested.map((i) => i.status)).toEqual(['ingested', 'skipped']);
    expect(doc.ingested[0]!.hash).toBe(createHash('sha256').update(readFileSync(bundle)).digest('hex'));
    const strict = runCli(['ingest', '--db', join(tempDir(), 's.db'), bundle, '--require-signature', '--format', 'json']);
    expect(strict.status).toBe(1);
    expect(JSON.parse(strict.stdout).ingested).toEqual([
      { path: bundle, status: 'refused', hash: doc.ingested[0]!.hash, reasons: ['bundle/unsigned'] },
    ]);
  });

  it('diff --exit-code exits 1 when the filings differ, 0 when they do not', () => {
    const ippan = join(EXAMPLES, 'ippan-15');
    expect(runCli(['diff', ippan, ippan, '--exit-code']).status).toBe(0);
    expect(runCli(['diff', ippan, join(EXAMPLES, 'soden-13'), '--exit-code']).status).toBe(1);
    expect(runCli(['diff', ippan, join(EXAMPLES, 'soden-13')]).status).toBe(0);
  });

  it('keygen prints the key id, or the certificate fingerprint, on standard output', () => {
    const dir = tempDir();
    const ed = runCli(['keygen', '--out', dir]);
    expect(ed.stdout.trim()).toMatch(/^[0-9a-f]{64}$/);
    const cert = runCli(['keygen', join(EXAMPLES, 'soden-13'), '--out', dir], { env: { TAISEI_SIGN_PASSWORD: 'pw' } });
    expect(cert.status, cert.stderr).toBe(0);
    expect(cert.stdout.trim()).toMatch(/^[0-9a-f]{64}$/);
    expect(cert.stderr).toContain(cert.stdout.trim());
  });
});

describe('help', () => {
  const commands = [
    'validate',
    'build',
    'verify',
    'diff',
    'export',
    'ingest',
    'compare',
    'trust',
    'trust add',
    'trust list',
    'trust remove',
    'keygen',
    'rules',
    'rules list',
    'rules explain',
    'profiles',
    'init',
    'schema',
  ];

  it('ends every command with examples and the exit codes, in English and in Japanese', () => {
    for (const lang of ['en', 'ja'] as const)
      for (const command of commands) {
        const run = runCli([...command.split(' '), '--help', '--lang', lang]);
        expect(run.status, command).toBe(0);
        const [, examples = ''] = run.stdout.split(lang === 'en' ? '\nExamples:\n' : '\n使用例:\n');
        const lines = examples
          .split('\n\n')[0]!
          .split('\n')
          .filter((l) => l.trim().startsWith('taisei ') || l.includes(' taisei '));
        expect(lines.length, `${lang} ${command}`).toBeGreaterThanOrEqual(1);
        expect(lines.length, `${lang} ${command}`).toBeLessThanOrEqual(3);
        // each example is a command line of this very command
        for (const line of lines) expect(line, `${lang} ${command}`).toContain(`taisei ${command.split(' ')[0]}`);
        expect(run.stdout.trimEnd().split('\n').pop(), `${lang} ${command}`).toMatch(
          lang === 'en' ? /^Exit codes: 0 .* 70 / : /^終了コード: 0 .*70 /,
        );
      }
  }, 60_000);

  it("states each option's default as the code applies it", async () => {
    const { buildProgram } = await import('../src/cli/main.js');
    const { DEFAULT_MAX_FILE_MB } = await import('../src/load/read.js');
    const { CERTIFICATE_STEM, KEY_PAIR_STEM } = await import('../src/cli/commands/keygen.js');
    // defaults the code applies itself (not commander): the values a description may state for them
    const applied: Record<string, string[]> = {
      '--max-file-size': [String(DEFAULT_MAX_FILE_MB)],
      '--name': [CERTIFICATE_STEM, KEY_PAIR_STEM],
    };
    let checked = 0;
    for (const lang of ['en', 'ja'] as const) {
      const program = buildProgram({
        lang,
        io: { stdout: process.stdout, stderr: process.stderr, env: {}, cwd: '/' } as never,
        exit: () => undefined,
      });
      for (const command of program.commands.flatMap((c) => [c, ...c.commands]))
        for (const option of command.options) {
          const what = `${lang} ${command.name()} ${option.flags}: ${option.description}`;
          const value = option.defaultValue as unknown;
          if (value !== undefined && typeof value !== 'boolean') {
            // a default commander applies is stated: "(default: text)", "submission (default)"
            const stated =
              lang === 'en'
                ? [`default: ${value}`, `${value} (default)`]
                : [`既定: ${value}`, `${value}（既定）`, `${value}（提出版、既定）`];
            expect(
              stated.some((s) => option.description.includes(s)),
              what,
            ).toBe(true);
            checked++;
          }
          // a literal default a description states is the one applied
          for (const m of option.description.matchAll(lang === 'en' ? /default: ([\w.-]+)\)/g : /既定: ([\w.-]+)）/g)) {
            expect([...(value !== undefined ? [String(value)] : []), ...(applied[option.long ?? ''] ?? [])], what).toContain(m[1]);
            checked++;
          }
        }
    }
    expect(checked).toBeGreaterThan(20);
  });
});
