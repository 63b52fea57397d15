// The shipped examples are complete, realistic and clean.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Filing } from '../src/model/generated/filing.js';
import { validatePaths } from '../src/validate/index.js';
import { isCorporateNumber } from '../src/model/formats.js';
import { EXAMPLES } from './helpers.js';

async function load(name: string) {
  const result = await validatePaths([join(EXAMPLES, name)], { lang: 'en' });
  return { result, filing: result.results[0]!.loaded!.data as unknown as Filing };
}

describe('examples/ippan-15', () => {
  it('validates clean under the 15-item profile', async () => {
    const { result } = await load('ippan-15');
    // one recurrence of the improvement plan is missed, and one milestone of a separation plan is
    // late, on purpose: the rules show them, and the progress report has a late measure and system
    expect(result.diagnostics.map((d) => d.code)).toEqual(['assessment/recurrence-evidenced', 'systems/milestone-overdue']);
    expect(result.results[0]!.profile?.id).toBe('ippan-15');
  });
  it('has the facts the issue asks for', async () => {
    const { filing } = await load('ippan-15');
    expect(isCorporateNumber(filing.filer.corporateNumber)).toBe(true);
    expect(filing.systems).toHaveLength(23);
    const shared = filing.systems!.filter((s) => s.sharing.level === 'hardware');
    expect(shared).toHaveLength(2);
    for (const s of shared) expect(s.sharing.separationPlan?.targetDate).toBeDefined();
    expect(filing.transactions!.records.length).toBeGreaterThanOrEqual(200);
    expect(new Set(filing.premises!.sites!.map((s) => s.id)).size).toBeGreaterThanOrEqual(3);
    const reviewedMonths = new Set(filing.logReviews!.filter((r) => r.system === 'SYS-01').map((r) => r.reviewed.slice(5, 7)));
    expect(reviewedMonths).toEqual(new Set(['04', '10']));
    const audiences = new Set(filing.trainings!.flatMap((t) => t.audience));
    expect(audiences).toContain('directors');
    expect(audiences).toContain('employees');
    const notAppropriate = [...filing.compliance!.findings, ...filing.monitoring!.findings].filter((f) => f.verdict === 'not-appropriate');
    expect(notAppropriate.length).toBeGreaterThanOrEqual(2);
    const corrections = [
      ...(filing.complianceCorrections ?? []),
      ...(filing.informationCorrections ?? []),
      ...(filing.transactionCorrections ?? []),
    ];
    expect(corrections.some((c) => c.outcome === 'taken')).toBe(true);
    expect(corrections.some((c) => c.outcome === 'not-taken' && c.reason)).toBe(true);
  });
});

describe('examples/soden-13', () => {
  it('validates clean as one file under the 13-item 送電事業者 profile, but for the measure it shows late on purpose', async () => {
    const { result, filing } = await load('soden-13');
    expect(result.diagnostics.map((d) => d.code)).toEqual(['assessment/overdue-measures']);
    expect(result.files).toHaveLength(1);
    expect(result.results[0]!.profile?.id).toBe('soden-13');
    expect(filing.filerType).toBe('transmission');
    expect(isCorporateNumber(filing.filer.corporateNumber)).toBe(true);
  });
});
