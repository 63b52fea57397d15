// The self-assessment evaluated: applicable check items, evidence, recurrence windows and the
// readiness score, by the method documented in docs/assessment.md.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluate, round1, score } from '../src/assessment/evaluate.js';
import type { Filing } from '../src/model/generated/filing.js';
import { validatePaths } from '../src/validate/index.js';
import { EXAMPLES } from './helpers.js';

async function example(name: string): Promise<Filing> {
  const result = await validatePaths([join(EXAMPLES, name)], { lang: 'en' });
  return result.results[0]!.loaded!.data as unknown as Filing;
}

const base = { filerType: 'general-td', fiscalYear: 2024, submissionDate: '2025-06-20' } as Partial<Filing>;

describe('the readiness score', () => {
  it('weighs coverage, evidence and recurrences 50/30/20', () => {
    const s = score({ items: 4, inPlace: 2, partly: 1, evidenced: 3, windows: 4, met: 2 });
    expect(s.coverage).toBeCloseTo(62.5);
    expect(s.evidence).toBeCloseTo(75);
    expect(s.recurrences).toBeCloseTo(50);
    expect(s.readiness).toBeCloseTo(0.5 * 62.5 + 0.3 * 75 + 0.2 * 50);
  });

  it('leaves recurrences out, keeping the other two in proportion, when no window was due', () => {
    const s = score({ items: 2, inPlace: 2, partly: 0, evidenced: 1, windows: 0, met: 0 });
    expect(s.recurrences).toBeUndefined();
    expect(s.readiness).toBeCloseTo((0.5 * 100 + 0.3 * 50) / 0.8);
  });

  it('is zero, not NaN, for nothing at all', () => {
    expect(score({ items: 0, inPlace: 0, partly: 0, evidenced: 0, windows: 0, met: 0 }).readiness).toBe(0);
  });
});

describe('evaluate', () => {
  it('scores the ippan-15 example as worked out by hand', async () => {
    const e = evaluate(await example('ippan-15'));
    expect(e.inForce).toBe(true);
    expect(e.applicable).toHaveLength(17);
    // 12 in place, 4 partly, 1 planned; all but IT-3 evidenced; 15 windows due, 14 met (IP-03 misses Oct–Mar)
    expect(e.overall).toMatchObject({ items: 17, inPlace: 12, partly: 4, evidenced: 16, windows: 15, met: 14 });
    expect(round1(e.overall.readiness)).toBe(round1(0.5 * (1400 / 17) + 0.3 * (1600 / 17) + 0.2 * (1400 / 15)));
    expect(round1(e.overall.readiness)).toBe(88.1);
    const it = e.areas.find((a) => a.id === 'information-it')!;
    expect(it).toMatchObject({ items: 3, inPlace: 0, partly: 2, evidenced: 2, windows: 2, met: 1 });
    expect(round1(it.readiness)).toBe(46.7);
    expect(e.areas.map((a) => a.id)).toEqual([
      'control-environment',
      'risk-assessment',
      'control-activities',
      'information-it',
      'monitoring',
      'other',
    ]);
  });

  it('leaves ★ items out for a 送電事業者, and a 該当しない non-★ item out of the denominator', async () => {
    const e = evaluate(await example('soden-13'));
    expect(e.applicable.map((i) => i.id)).not.toContain('RA-2');
    expect(e.applicable).toHaveLength(13);
    expect(e.overall.items).toBe(12); // CA-4 is 該当しない
    expect(e.overall).toMatchObject({ inPlace: 9, partly: 2, windows: 3, met: 3 });
  });

  it('counts a ★ item marked 該当しない as not addressed', () => {
    const e = evaluate({
      ...base,
      selfAssessment: { 'MO-1': { status: 'not-applicable' }, 'MO-2': { status: 'in-place' } },
    } as Partial<Filing>);
    const monitoring = e.areas.find((a) => a.id === 'monitoring')!;
    expect(monitoring).toMatchObject({ items: 2, inPlace: 1 });
  });

  it('counts only evidence that resolves', () => {
    const filing = {
      ...base,
      rules: [{ id: 'R-1' }],
      selfAssessment: {
        'CE-1': { status: 'in-place', evidence: ['rules/R-1'] },
        'CE-2': { status: 'in-place', evidence: ['rules/R-2', 'trainings/R-1'] },
      },
    } as unknown as Partial<Filing>;
    expect(evaluate(filing).areas.find((a) => a.id === 'control-environment')).toMatchObject({ items: 3, evidenced: 1 });
  });

  it('asks recurrences only from the month a measure started, and none of a measure not started', () => {
    const plan = (start: string, status: string) => ({
      id: 'IP',
      title: 'x',
      area: 'monitoring',
      owner: 'x',
      start,
      status,
      recurrence: 'quarterly',
    });
    const windows = (start: string, status = 'ongoing') =>
      evaluate({ ...base, improvementPlan: [plan(start, status)] } as Partial<Filing>).recurrences[0]?.due.length ?? 0;
    expect(windows('2024-04-01')).toBe(4);
    expect(windows('2024-09-15')).toBe(3); // Jul–Sep is still due: it ends after the start
    expect(windows('2025-01-10')).toBe(1);
    expect(windows('2024-04-01', 'not-started')).toBe(0);
  });

  it('dates evidence by the field that says when it happened', () => {
    const filing = {
      ...base,
      logReviews: [{ id: 'L1', reviewed: '2024-05-10', period: { from: '2023-10-01', to: '2024-03-31' } }],
      monitoring: { activities: [{ id: 'A1', period: { from: '2024-04-01', to: '2024-11-30' } }] },
      improvementPlan: [
        {
          id: 'IP',
          title: 'x',
          area: 'monitoring',
          owner: 'x',
          start: '2024-04-01',
          status: 'ongoing',
          recurrence: 'half-yearly',
          evidence: ['logReviews/L1', 'monitoring/activities/A1'],
        },
      ],
    } as unknown as Partial<Filing>;
    // the log review counts in the month it was reviewed (May), not by the period it covered; the
    // activity in every month of its period (April–November)
    expect(evaluate(filing).recurrences[0]!.missed).toEqual([]);
    const quarterly = (evidence: string[]) =>
      evaluate({ ...filing, improvementPlan: [{ ...filing.improvementPlan![0]!, recurrence: 'quarterly', evidence }] } as Partial<Filing>)
        .recurrences[0]!.missed;
    // April–November overlaps three quarters, not January–March
    expect(quarterly(['monitoring/activities/A1'])).toEqual([{ from: '2025-01', to: '2025-03' }]);
    // the log review covered October–March of the year before, but happened in May: one quarter
    expect(quarterly(['logReviews/L1']).map((w) => w.from)).toEqual(['2024-07', '2024-10', '2025-01']);
  });

  it('is not in force before the catalogue’s first fiscal year', () => {
    expect(evaluate({ ...base, fiscalYear: 2022 }).inForce).toBe(false);
  });
});

describe('assessment/starred-items on a filing with no self-assessment', () => {
  it('asks a 一般送配電事業者 for one from the catalogue’s first year, and nobody before', async () => {
    const { runRules } = await import('../src/rules/engine.js');
    const { rule } = await import('../src/rules/assessment-starred-items.js');
    const run = (data: Partial<Filing>) => runRules(data as never, { lang: 'en', config: {}, baseDir: '.', rules: [rule] }).diagnostics;
    const found = run(base);
    expect(found.map((d) => [d.code, d.pointer])).toEqual([['assessment/starred-items', '']]);
    expect(found[0]!.message).toContain('RA-2, IT-2, IT-3, MO-1');
    expect(run({ ...base, fiscalYear: 2022 })).toEqual([]);
    expect(run({ ...base, filerType: 'transmission' })).toEqual([]);
  });
});

describe('the library', () => {
  it('offers the evaluation, the summary and the recurrence notation', async () => {
    const lib = await import('../src/index.js');
    const filing = await example('ippan-15');
    expect(lib.assessmentSummary(filing)?.overall.readiness).toBe(88.1);
    expect(
      lib
        .evaluateAssessment(filing)
        .recurrences.filter((r) => r.missed.length > 0)
        .map((r) => r.measure.id),
    ).toEqual(['IP-03']);
    expect(lib.internalControl.items).toHaveLength(17);
    expect(lib.windowsOf(lib.parseRecurrence('every April and October')!, 2024)).toEqual([
      { from: '2024-04', to: '2024-04' },
      { from: '2024-10', to: '2024-10' },
    ]);
  });
});

describe('a recurrence taisei does not know', () => {
  it('is a schema finding at the value, worded in the notation, with the likely correction', async () => {
    const { runCli, writeTree, HEADER } = await import('./helpers.js');
    const dir = writeTree({
      'filing.yaml': `${HEADER}improvementPlan:\n  - {id: IP-1, title: x, area: monitoring, owner: x, start: 2024-04-01, status: ongoing, recurrence: every Aprl and October}\n`,
    });
    const run = runCli(['validate', dir, '--format', 'json']);
    const finding = JSON.parse(run.stdout).diagnostics.find((d: { code: string }) => d.code === 'schema/format');
    expect(finding.message).toContain('every April and October'); // the notation's own example
    expect(finding.hint).toBe('did you mean "every April and October"?');
    expect(finding.line).toBeGreaterThan(1);
  });
});
