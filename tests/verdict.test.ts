// One verdict on both sides: a filer's settings that change a verdict (rules re-levelled with their
// justifications) travel with the filing, so build, verify (of the bundle and of the PDF alone) and
// ingest give the same findings, and the justifications are there to read at each step.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDirectory, readEntry, writeZip } from '../src/bundle/zip.js';
import { openSqlite } from '../src/regulator/sqlite.js';
import { EXAMPLES, runCli, tempDir } from './helpers.js';

const justification = {
  dates: '4月の研修は前年度の計画に基づき前年度分として報告する（監督官庁と協議済み）',
  reviews: '設備保全管理システムは第4四半期から四半期ごとの確認に移行した',
};
let dir: string;
let out: string;

type Finding = { code: string; severity: string; hint?: string };
const verdict = (findings: Finding[]) =>
  findings
    .filter((d) => d.code !== 'io/not-a-filing-file')
    .map((d) => `${d.code} ${d.severity}`)
    .sort();

beforeAll(() => {
  dir = tempDir('taisei-verdict-');
  const source = join(dir, 'filing');
  cpSync(join(EXAMPLES, 'soden-13'), source, { recursive: true });
  const header = join(source, 'filing.yaml');
  let text = readFileSync(header, 'utf8');
  // a system declared quarterly but reviewed once, and a training dated after the year: two errors
  expect(text).toContain('reviewFrequency: yearly');
  text = text.replace('reviewFrequency: yearly', 'reviewFrequency: quarterly').replace(/dates: \[2024-09-05\]/, 'dates: [2025-04-15]');
  writeFileSync(header, text);
  writeFileSync(
    join(source, 'taisei.config.yaml'),
    `rules:\n  dates/within-fiscal-year:\n    severity: warning\n    justification: ${justification.dates}\n` +
      `  log-reviews/frequency:\n    severity: warning\n    justification: ${justification.reviews}\n`,
  );
  out = join(dir, 'out');
  const build = runCli(['build', source, '--out', out, '--format', 'json']);
  expect(build.status, build.stdout + build.stderr).toBe(0);
  writeFileSync(join(dir, 'build.json'), build.stdout);
});

describe('the settings that change a verdict travel with the filing', () => {
  it('gives the same findings in build, verify of the bundle and verify of the PDF alone, justifications included', () => {
    const built = JSON.parse(readFileSync(join(dir, 'build.json'), 'utf8')).diagnostics as Finding[];
    // (and the measure soden-13 shows late on purpose)
    expect(verdict(built)).toEqual([
      'assessment/overdue-measures warning',
      'config/rule-relevelled info',
      'config/rule-relevelled info',
      'dates/within-fiscal-year warning',
      'log-reviews/frequency warning',
    ]);
    for (const file of ['report-2024-submission.zip', 'report-2024-submission.pdf']) {
      const run = runCli(['verify', join(out, file), '--format', 'json']);
      expect(run.status, `${file}: ${run.stdout}`).toBe(0);
      const verified = JSON.parse(run.stdout).diagnostics as Finding[];
      // what verify says of the file itself (the PDF's bundle beside it) aside
      expect(verdict(verified.filter((d) => !/^(bundle|pdf)\//.test(d.code))), file).toEqual(verdict(built));
      const hints = verified.filter((d) => d.code === 'config/rule-relevelled').map((d) => d.hint);
      expect(hints.sort(), file).toEqual([justification.dates, justification.reviews].sort());
    }
    // in text, as a first-time reader of verify sees it
    const text = runCli(['verify', join(out, 'report-2024-submission.zip')], { env: { LANG: 'ja_JP.UTF-8' } });
    expect(text.stdout).toContain(justification.reviews);
  });

  it('is covered by the manifest: settings changed after the build are refused', () => {
    const zip = readFileSync(join(out, 'report-2024-submission.zip'));
    const entries = readDirectory(zip);
    const files = entries.map((e) => ({ name: e.name, data: readEntry(zip, e) }));
    const filing = files.find((f) => f.name === 'filing.json')!;
    const json = JSON.parse(filing.data.toString('utf8'));
    expect(json.settings.rules['log-reviews/frequency'].severity).toBe('warning');
    json.settings.rules['log-reviews/frequency'].severity = 'off';
    filing.data = Buffer.from(JSON.stringify(json));
    const forged = join(dir, 'forged.zip');
    writeFileSync(forged, writeZip(files));
    const run = runCli(['verify', forged]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('bundle/hash');
  });

  it('stores each deviation with its default and justification, and the regulator reads them in compare', () => {
    const db = join(dir, 'regulator.db');
    const ingest = runCli(['ingest', '--db', db, join(out, 'report-2024-submission.zip')]);
    expect(ingest.status, ingest.stdout + ingest.stderr).toBe(0);
    const conn = openSqlite(db, { mustExist: true, readOnly: true });
    expect(conn.prepare('SELECT setting, value, default_value, justification FROM settings ORDER BY setting').all()).toEqual([
      { setting: 'rules/dates/within-fiscal-year', value: 'warning', default_value: 'error', justification: justification.dates },
      { setting: 'rules/log-reviews/frequency', value: 'warning', default_value: 'error', justification: justification.reviews },
    ]);
    // the same findings as build, at the same severities
    expect(conn.prepare('SELECT code, severity FROM rule_findings ORDER BY code').all()).toEqual([
      { code: 'assessment/overdue-measures', severity: 'warning' },
      { code: 'dates/within-fiscal-year', severity: 'warning' },
      { code: 'log-reviews/frequency', severity: 'warning' },
    ]);
    conn.close();
    const csv = join(dir, 'compare.csv');
    expect(runCli(['compare', '--db', db, '--out', csv, '--lang', 'ja']).status).toBe(0);
    const report = readFileSync(csv, 'utf8');
    expect(report).toContain('判定に関わる設定の変更');
    expect(report).toContain(`log-reviews/frequency: error → warning（理由: ${justification.reviews}）`);
  });
});
