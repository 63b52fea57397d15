// A rule's cases, in the manner of ESLint's RuleTester: each case a small patch over one base filing
// (examples/ippan-15, which every rule passes), run through the rule alone. A valid case must give
// no finding; an invalid one exactly the findings it lists, as [message id, JSON pointer] in the
// order the rule reports them, and through the rule engine, in either language, findings under the
// rule's id and severity, worded from its own messages (Japanese in Japanese). A rule needs at least
// one case of each kind, and its invalid cases together must make it say every message it has.
// tests/rules/<rule>.test.ts holds each rule's cases; tests/rules.test.ts holds every registered rule
// to having that file.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Config } from '../src/model/config.js';
import type { Mark } from '../src/model/marks.js';
import { getProfile, type Profile } from '../src/profiles/index.js';
import { runRules } from '../src/rules/engine.js';
import type { Report, Rule } from '../src/rules/types.js';
import { attachmentsOnDisk } from '../src/util/confined.js';
import { validatePaths } from '../src/validate/index.js';
import { EXAMPLES } from './helpers.js';

export type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- patches reach into the filing freely

export interface ValidCase {
  /** What the filing shows. */
  name: string;
  patch: (data: Data) => void;
  profile?: string;
  config?: Config;
  /** Publication marks as the YAML would carry them, by JSON pointer. */
  marks?: Record<string, Mark>;
}

export interface InvalidCase extends ValidCase {
  /** [message id, pointer] of each finding, in the order the rule reports them. */
  expect: [string, string][];
}

const examples = join(EXAMPLES, 'ippan-15');
let base: Data | undefined;

/** The base filing: the example, which passes every rule, read once per test file. */
async function baseFiling(): Promise<Data> {
  if (!base) {
    const result = await validatePaths([examples], { lang: 'en', rules: false });
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    base = result.results[0]!.loaded!.data as Data;
    // the example misses one half-year of IP-03 on purpose; the base gives it its second half
    base.improvementPlan.find((m: Data) => m.id === 'IP-03').evidence.push('informationManagement/IM-03');
  }
  return base;
}

/** What a rule reports on the base filing patched: its findings, and every message it said (related ones too). */
export async function runRule(rule: Rule, c: Omit<ValidCase, 'name'>): Promise<{ found: [string, string][]; said: string[] }> {
  const data = structuredClone(await baseFiling());
  c.patch(data);
  const reports: Report[] = [];
  rule.check({
    data,
    profile: getProfile(c.profile ?? 'ippan-15') as Profile,
    config: c.config ?? {},
    marks: new Map(Object.entries(c.marks ?? {})),
    attachment: attachmentsOnDisk(examples),
    report: (r) => reports.push(r),
  });
  return {
    found: reports.map((r) => [r.message, r.pointer]),
    said: reports.flatMap((r) => [r.message, ...(r.related ?? []).map((x) => x.message)]),
  };
}

/** A system of the filing by its id. */
export const system = (d: Data, id: string): Data => d.systems.find((s: Data) => s.id === id);

export function ruleTester(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.id, () => {
    beforeAll(baseFiling);

    it('has a valid and an invalid case, and the base filing passes it', async () => {
      expect(cases.valid.length, 'valid cases').toBeGreaterThan(0);
      expect(cases.invalid.length, 'invalid cases').toBeGreaterThan(0);
      expect((await runRule(rule, { patch: () => {} })).found).toEqual([]);
    });

    it('says every message it has in its invalid cases', async () => {
      const said = new Set<string>();
      for (const c of cases.invalid) for (const message of (await runRule(rule, c)).said) said.add(message);
      expect([...said].sort()).toEqual(Object.keys(rule.messages.en.msg).sort());
    });

    for (const c of cases.valid)
      it(`valid: ${c.name}`, async () => {
        expect((await runRule(rule, c)).found).toEqual([]);
      });

    for (const c of cases.invalid)
      it(`invalid: ${c.name}`, async () => {
        expect(c.expect.length, 'an invalid case lists what it expects').toBeGreaterThan(0);
        expect((await runRule(rule, c)).found).toEqual(c.expect);
        // the same through the engine, as validate runs it, in both languages
        const data = structuredClone(await baseFiling());
        c.patch(data);
        for (const lang of ['en', 'ja'] as const) {
          const { diagnostics } = runRules(data, {
            lang,
            profile: getProfile(c.profile ?? 'ippan-15') as Profile,
            config: c.config ?? {},
            baseDir: examples,
            rules: [rule],
            marks: new Map(Object.entries(c.marks ?? {})),
          });
          expect(diagnostics.map((d) => [d.code, d.severity, d.pointer])).toEqual(
            c.expect.map(([, pointer]) => [rule.id, rule.severity, pointer]),
          );
          for (const d of diagnostics) {
            expect(d.message).not.toMatch(/^rule\.|\{\w+\}/);
            if (lang === 'ja') expect(d.message).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
          }
        }
      });
  });
}
