import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BIN = join(ROOT, 'bin', 'taisei.js');
export const FIXTURES = join(ROOT, 'tests', 'fixtures');
export const EXAMPLES = join(ROOT, 'examples');

export interface CliRun {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs the real CLI in a child process with a neutral locale unless the test sets one. */
/**
 * A clean environment for a child taisei: PATH, the C locale, and NODE_PATH where the test run
 * set one (scripts/test.mjs, for better-sqlite3 on a Node without node:sqlite).
 */
export function baseEnv(): Record<string, string> {
  return { PATH: process.env.PATH ?? '', LANG: 'C', ...(process.env.NODE_PATH ? { NODE_PATH: process.env.NODE_PATH } : {}) };
}

export function runCli(args: string[], options: { env?: Record<string, string>; cwd?: string; input?: string } = {}): CliRun {
  const env: Record<string, string> = { ...baseEnv(), HOME: process.env.HOME ?? '', ...options.env };
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: options.cwd ?? ROOT, env, encoding: 'utf8', input: options.input });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}

export function tempDir(prefix = 'taisei-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Writes files (relative path → content) into a new temporary directory and returns it. */
export function writeTree(files: Record<string, string | Uint8Array>): string {
  const dir = tempDir();
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

export const HEADER = `filer:
  name: テスト送配電株式会社
  corporateNumber: "9010401199001"
  address: 東雲県湊市中央一丁目1番1号
  representative:
    title: 代表取締役社長
    name: 山田 太郎
filerType: general-td
fiscalYear: 2024
submissionDate: 2025-06-20
`;

import { RULES } from '../src/rules/registry.js';

/** A taisei.config.yaml that turns every rule off: for tests of rendering with minimal filings. */
export const RULES_OFF =
  'rules:\n' +
  RULES.map((r) => `  ${r.id}: { severity: "off", justification: "a rendering test with a deliberately minimal filing" }`).join('\n') +
  '\n';

/**
 * The example ippan-15 as its filer's previous year (fiscal year 2023) in `dir`: the same facts, the
 * date rules off (its dates stay in 2024), for the tests that compare two years.
 */
export function previousYearOf(dir: string): string {
  cpSync(join(EXAMPLES, 'ippan-15'), dir, { recursive: true });
  writeFileSync(join(dir, 'filing.yaml'), readFileSync(join(dir, 'filing.yaml'), 'utf8').replace('fiscalYear: 2024', 'fiscalYear: 2023'));
  writeFileSync(
    join(dir, 'taisei.config.yaml'),
    ['dates/within-fiscal-year', 'log-reviews/frequency']
      .map((id) => `  ${id}: { severity: "off", justification: "a test of the year-on-year comparison" }`)
      .join('\n')
      .replace(/^/, 'rules:\n') + '\n',
  );
  return dir;
}
