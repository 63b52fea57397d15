// Year over year: diff and init --from.
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { diffFilings, diffList } from '../src/edition/changes.js';
import { EXAMPLES, FIXTURES, runCli, tempDir } from './helpers.js';

const pair = join(FIXTURES, 'diff');

describe('diff', () => {
  it('gives the expected text for a hand-made pair, summary line first', () => {
    const run = runCli(['diff', join(pair, 'old.yaml'), join(pair, 'new.yaml')]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(readFileSync(join(pair, 'expected.txt'), 'utf8'));
    expect(run.stdout.split('\n')[0]).toBe('header: ~2 · systems: +1 −1 ~1 · rules: +0 −0 ~1 · organisation: ~1');
  });

  it('gives the same diff as JSON and as markdown', () => {
    const json = JSON.parse(runCli(['diff', join(pair, 'old.yaml'), join(pair, 'new.yaml'), '--format', 'json']).stdout);
    expect(json).toMatchObject({
      format: 'taisei-diff',
      version: 1,
      old: { fiscalYear: 2024 },
      new: { fiscalYear: 2025, profile: 'ippan-15' },
    });
    const systems = json.sections.find((s: { section: string }) => s.section === 'systems');
    expect(systems.item.label).toBe('二');
    expect(systems.lists[0]).toMatchObject({ list: 'systems', added: 1, removed: 1, changed: 1 });
    expect(systems.lists[0].entries[0]).toEqual({
      kind: 'changed',
      key: 'SYS-1',
      label: '託送システム',
      fields: [{ path: 'sharing.separationPlan.targetDate', old: '2025-12-31', new: '2026-03-31' }],
    });
    const md = runCli(['diff', join(pair, 'old.yaml'), join(pair, 'new.yaml'), '--format', 'markdown', '--lang', 'ja']).stdout;
    expect(md).toMatch(/^# 2024 年度から 2025 年度への変更/);
    expect(md).toContain('## 二　前条第一項第二号及び第三号の規定により構築したシステムの概要');
    expect(md).toContain('`sharing.separationPlan.targetDate`: 2025-12-31 → 2026-03-31');
  });

  it('matches entries by id, then by name', () => {
    const renamed = diffList('rules', [{ id: 'R-1', title: '規程' }], [{ id: 'R-9', title: '規程' }]);
    expect(renamed.entries).toEqual([{ kind: 'changed', key: 'R-9', label: '規程', fields: [{ path: 'id', old: 'R-1', new: 'R-9' }] }]);
    const none = diffFilings({ systems: [{ id: 'A', name: 'x' }] }, { systems: [{ id: 'A', name: 'x' }] });
    expect(none.sections).toEqual([]);
  });

  it('diffs the 13-item and 15-item layouts through the one model, labelled by the new profile', () => {
    const diff = diffFilings(
      { fiscalYear: 2023, rules: [{ id: 'R-1', title: 'a' }] },
      { fiscalYear: 2024, rules: [{ id: 'R-1', title: 'b' }] },
      undefined,
    );
    expect(diff.sections.find((s) => s.section === 'rules')?.lists[0]?.changed).toBe(1);
  });

  it('reads bundles as well as filings', () => {
    const out = join(tempDir(), 'out');
    expect(runCli(['build', join(EXAMPLES, 'soden-13'), '--out', out]).status).toBe(0);
    const run = runCli(['diff', join(out, 'report-2024-submission.zip'), join(EXAMPLES, 'soden-13')]);
    expect(run.status).toBe(0);
    // both sides normalised alike (schema defaults, key order): the same facts, no differences
    expect(run.stdout.split('\n')[0]).toBe('no differences');
  });
});

describe('init --from', () => {
  it("keeps a review of the last quarter carried out after the year ended: it is the new year's", () => {
    const dir = join(tempDir(), 'last');
    cpSync(join(EXAMPLES, 'soden-13'), dir, { recursive: true });
    const filing = readFileSync(join(dir, 'filing.yaml'), 'utf8');
    const system = /^ {2}- id: (\S+)/m.exec(filing.slice(filing.indexOf('\nsystems:')))![1];
    const review = `  - id: LR-Q4\n    system: ${system}\n    period: { from: 2025-01-01, to: 2025-03-31 }\n    reviewed: 2025-04-10\n    method: 全件照合\n    unauthorisedAccess: 0\n`;
    writeFileSync(join(dir, 'filing.yaml'), filing.replace(/^logReviews:\n/m, `logReviews:\n${review}`));
    // in last year's filing it is out of place, and says where it belongs
    const check = runCli(['validate', dir, '--format', 'json']);
    const after = JSON.parse(check.stdout).diagnostics.find((d: { code: string }) => d.code === 'dates/within-fiscal-year');
    expect(after.message).toContain("next year's report");
    const next = join(tempDir(), 'next');
    const run = runCli(['init', next, '--from', dir]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('kept in logReviews, being dated in the new year already: LR-Q4');
    const carried = readFileSync(join(next, 'logReviews.yaml'), 'utf8');
    expect(carried).toContain('id: LR-Q4');
    expect(carried).not.toMatch(/reviewed: 2024-/);
  });

  for (const example of ['ippan-15', 'soden-13']) {
    it(`carries ${example} forward: standing facts kept, the year's facts emptied, only those missing`, () => {
      const dir = join(tempDir(), 'next');
      const run = runCli(['init', dir, '--from', join(EXAMPLES, example)]);
      expect(run.status, run.stderr).toBe(0);
      expect(run.stderr).toMatch(/fiscal year 2025/);
      expect(run.stderr).toMatch(/logReviews/);
      const filing = readFileSync(join(dir, 'filing.yaml'), 'utf8');
      expect(filing).toMatch(/^# yaml-language-server: \$schema=/);
      expect(filing).toMatch(/fiscalYear: 2025/);
      expect(filing).toMatch(/submissionDate: 2026-06-/);
      expect(readFileSync(join(dir, 'systems.yaml'), 'utf8')).toMatch(/^  - id: /m);
      expect(readFileSync(join(dir, 'logReviews.yaml'), 'utf8')).toMatch(/logReviews: \[\]/);
      const check = runCli(['validate', dir, '--format', 'json']);
      const codes = new Set(JSON.parse(check.stdout).diagnostics.map((d: { code: string }) => d.code));
      expect(
        [...codes].every((c) => c === 'schema/min-items'),
        [...codes].join(),
      ).toBe(true);
      // the diff against last year shows the emptied year and nothing else invented
      const diff = runCli(['diff', join(EXAMPLES, example), dir, '--format', 'json']);
      const sections = JSON.parse(diff.stdout).sections.map((s: { section: string }) => s.section);
      expect(sections).not.toContain('systems');
      expect(sections).not.toContain('rules');
    });
  }

  it("carries the self-assessment and the plan: standing answers kept, the year's evidence and finished measures not", async () => {
    const dir = join(tempDir(), 'next');
    const run = runCli(['init', dir, '--from', join(EXAMPLES, 'ippan-15')]);
    expect(run.stderr).toMatch(/improvementPlan\[\]\.evidence/);
    const { parse } = await import('yaml');
    const assessment = parse(readFileSync(join(dir, 'selfAssessment.yaml'), 'utf8')).selfAssessment;
    expect(Object.keys(assessment)).toHaveLength(17);
    // CE-2 pointed at two trainings (the year's, emptied) and a rule (standing, kept)
    expect(assessment['CE-2'].evidence).toEqual(['rules/RULE-01']);
    expect(assessment['RA-2'].plan).toEqual([]); // IP-05 was a one-off, done: gone
    const plan = parse(readFileSync(join(dir, 'improvementPlan.yaml'), 'utf8')).improvementPlan as { id: string; evidence?: unknown }[];
    expect(plan.map((m) => m.id)).toEqual(['IP-01', 'IP-02', 'IP-03', 'IP-04', 'IP-06', 'IP-07', 'IP-08']);
    expect(plan.every((m) => m.evidence === undefined)).toBe(true);
    // the progress records of each measure go on with it, for next year's progress reports
    expect((plan as { progress?: { asOf: string }[] }[]).find((m) => m.id === 'IP-03')?.progress?.map((p) => p.asOf)).toEqual([
      '2024-09-30',
      '2025-03-31',
    ]);
    // and each system's separation plan: its milestones, its revisions, the day a sharing ended
    const systems = parse(readFileSync(join(dir, 'systems.yaml'), 'utf8')).systems as {
      id: string;
      sharing: { ended?: string; separationPlan?: { milestones?: unknown[]; revisions?: unknown[] } };
    }[];
    const byId = (id: string) => systems.find((s) => s.id === id)!.sharing;
    expect(byId('SYS-21').ended).toBe('2024-11-29');
    expect(byId('SYS-22').separationPlan?.milestones).toHaveLength(5);
    expect(byId('SYS-23').separationPlan?.revisions).toHaveLength(1);
  });

  it('starts a self-assessment from the catalogue for the filer type, from the year it is asked for', async () => {
    const { parse } = await import('yaml');
    const general = join(tempDir(), 'general');
    expect(runCli(['init', general, '--fiscal-year', '2025']).status).toBe(0);
    expect(Object.keys(parse(readFileSync(join(general, 'selfAssessment.yaml'), 'utf8')).selfAssessment)).toHaveLength(17);
    const transmission = join(tempDir(), 'transmission');
    expect(runCli(['init', transmission, '--profile', 'soden-13', '--fiscal-year', '2025']).status).toBe(0);
    const items = Object.keys(parse(readFileSync(join(transmission, 'selfAssessment.yaml'), 'utf8')).selfAssessment);
    expect(items).toHaveLength(13);
    expect(items).not.toContain('RA-2');
    const early = join(tempDir(), 'early');
    expect(runCli(['init', early, '--profile', 'ippan-13', '--fiscal-year', '2022']).status).toBe(0);
    expect(existsSync(join(early, 'selfAssessment.yaml'))).toBe(false);
  });

  it("heads the self-assessment's changes as 参考資料, not as the header", () => {
    const changed = join(tempDir(), 'changed');
    cpSync(join(EXAMPLES, 'ippan-15'), changed, { recursive: true });
    const file = join(changed, 'selfAssessment.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('  IT-3:\n    status: planned', '  IT-3:\n    status: partly'));
    const text = runCli(['diff', join(EXAMPLES, 'ippan-15'), changed, '--lang', 'en']).stdout;
    expect(text).toContain('selfAssessment (参考資料: not an item of the statute)');
    expect(text).toContain('selfAssessment.IT-3.status: planned → partly');
    expect(text).not.toMatch(/^header/m);
  });

  it('copies the attachment files', () => {
    const dir = join(tempDir(), 'next');
    expect(runCli(['init', dir, '--from', join(EXAMPLES, 'ippan-15')]).status).toBe(0);
    expect(existsSync(join(dir, 'attachments', 'floor-hq-08.pdf'))).toBe(true);
    expect(readdirSync(join(dir, 'attachments')).length).toBe(4);
  });
});

describe('build --compare-with', () => {
  it('adds the appendix to the PDF and diff.json to the bundle, and keeps withheld values out of the public one', async () => {
    const { readPdf } = await import('./pdf-helpers.js');
    const previous = join(tempDir(), 'prev');
    cpSync(join(EXAMPLES, 'ippan-15'), previous, { recursive: true });
    const edit = (file: string, from: string, to: string) =>
      writeFileSync(join(previous, file), readFileSync(join(previous, file), 'utf8').replace(from, to));
    edit('filing.yaml', 'fiscalYear: 2024', 'fiscalYear: 2023');
    edit('systems.yaml', '        targetDate: 2025-12-31', '        targetDate: 2026-03-31');
    edit('organisation.yaml', '    name: 大西 由紀子', '    name: 高田 恵');
    const out = join(tempDir(), 'out');
    const run = runCli(['build', join(EXAMPLES, 'ippan-15'), '--compare-with', previous, '--out', out, '--edition', 'both']);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const submission = await readPdf(readFileSync(join(out, 'report-2024-submission.pdf')));
    const appendix = submission.compact.slice(submission.compact.lastIndexOf('前年度からの主な変更点'));
    expect(submission.outline).toContain('前年度からの主な変更点');
    expect(appendix).toContain('令和8年3月31日→令和7年12月31日');
    expect(appendix).toContain('高田恵→大西由紀子');
    expect(appendix).not.toContain('記載事項の様式');
    const publicPdf = await readPdf(readFileSync(join(out, 'report-2024-public.pdf')));
    expect(publicPdf.compact).not.toContain('高田恵');
    expect(publicPdf.compact).not.toContain('大西由紀子');
    expect(runCli(['verify', join(out, 'report-2024-submission.zip'), join(out, 'report-2024-public.zip')]).status).toBe(0);
    const { readDirectory, readEntry } = await import('../src/bundle/zip.js');
    const zip = readFileSync(join(out, 'report-2024-public.zip'));
    const diff = readDirectory(zip).find((e) => e.name === 'diff.json')!;
    const text = readEntry(zip, diff).toString('utf8');
    expect(JSON.parse(text).format).toBe('taisei-diff');
    expect(text).not.toContain('高田');
  });
});
