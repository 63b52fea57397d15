// A rule's cases, in the manner of ESLint's RuleTester: each case a small patch over one base filing
// (examples/ippan-15, which every rule passes), run through the rule alone. A valid case must give
// no finding; an invalid one exactly the findings it lists, as [message id, JSON pointer] in the
// order the rule reports them, and through the rule engine, in either language, findings under the
// rule's id and severity, worded from its own messages (Japanese in Japanese). A rule needs at least
// one case of each kind, and its invalid cases together must make it say every message it has.
// tests/rules/<rule>.test.ts holds each rule's cases; tests/rules.test.ts holds every registered rule
// to having that file.
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Document, isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { Config } from '../src/model/config.js';
import type { Mark } from '../src/model/marks.js';
import { getProfile, type Profile } from '../src/profiles/index.js';
import { runRules } from '../src/rules/engine.js';
import { parsePointer } from '../src/util/pointer.js';
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
    // and is late with one milestone of SYS-22 on purpose (its note says why): the base has it done
    for (const system of base.systems)
      for (const milestone of system.sharing.separationPlan?.milestones ?? []) if (milestone.note) milestone.completed = milestone.date;
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

/**
 * Where a case's findings land in YAML: the patched filing written as one file (beside the example's
 * attachments), read and checked as validate reads and checks it. Each finding's line and column must
 * fall inside what its pointer names (the nearest part of it the file holds), found here by the yaml
 * library's own node ranges, not by taisei's locator.
 */
async function positions(rule: Rule, c: InvalidCase, dir: string): Promise<boolean> {
  const data = structuredClone(await baseFiling());
  c.patch(data);
  if (c.profile) data.profile = c.profile;
  const written = new Document(data);
  for (const [pointer, mark] of Object.entries(c.marks ?? {})) (written.getIn(parsePointer(pointer), true) as Node).tag = `!${mark}`;
  const text = written.toString({ lineWidth: 0 });
  const file = join(dir, 'filing.yaml');
  writeFileSync(file, text);
  const result = await validatePaths([file], { lang: 'en', rules: false });
  // a case that shows the rule what the schema already refuses is not placed here
  if (result.diagnostics.some((d) => d.severity === 'error')) return false;
  const loaded = result.results[0]!.loaded!;
  const { diagnostics } = runRules(loaded.data!, {
    lang: 'en',
    profile: getProfile(c.profile ?? 'ippan-15') as Profile,
    config: c.config ?? {},
    baseDir: dir,
    rules: [rule],
    marks: loaded.marks,
  });
  await loaded.sourceMap.attachPositions(diagnostics);
  expect(diagnostics.map((d) => d.pointer)).toEqual(c.expect.map(([, pointer]) => pointer));
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter });
  for (const d of diagnostics) {
    expect(d.file, d.pointer).toBe(file);
    // the nearest node the pointer reaches, with its key where it has one
    let node: unknown = doc.contents;
    let range = (node as Node).range!.slice(0, 2);
    for (const segment of parsePointer(d.pointer!)) {
      if (isMap(node)) {
        const pair = node.items.find((p) => String((p.key as { value?: unknown }).value) === segment);
        if (!pair) break;
        const key = (pair.key as Node).range!;
        node = pair.value;
        range = [key[0], (node as Node | null)?.range?.[1] ?? key[1]];
      } else if (isSeq(node)) {
        const item = node.items[Number(segment)] as Node | undefined;
        if (!item) break;
        node = item;
        range = item.range!.slice(0, 2);
      } else break;
    }
    const [from, to] = range.map((offset) => counter.linePos(offset));
    const at = (p: { line: number; col: number }) => p.line * 1e6 + p.col;
    const place = d.line! * 1e6 + d.column!;
    expect(
      place >= at(from!) && place <= at(to!),
      `${d.pointer} at ${d.line}:${d.column}, outside ${from!.line}:${from!.col}–${to!.line}:${to!.col}`,
    ).toBe(true);
  }
  return true;
}

/** A system of the filing by its id. */
export const system = (d: Data, id: string): Data => d.systems.find((s: Data) => s.id === id);

export function ruleTester(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(rule.id, () => {
    beforeAll(baseFiling);
    let dir = '';
    afterAll(() => dir && rmSync(dir, { recursive: true, force: true }));

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

    it('places its findings in the YAML where what they are about is written', async () => {
      // the example's attachments, without its YAML: the case's filing is written as one file
      dir = mkdtempSync(join(tmpdir(), 'taisei-rule-'));
      cpSync(examples, dir, { recursive: true });
      for (const name of readdirSync(dir)) if (/\.ya?ml$/.test(name)) rmSync(join(dir, name));
      let placed = 0;
      for (const c of cases.invalid) if (await positions(rule, c, dir)) placed++;
      expect(placed, 'invalid cases the schema accepts').toBeGreaterThan(0);
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
