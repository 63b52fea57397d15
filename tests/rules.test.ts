// Every registered rule has its cases (tests/rules/<area>-<name>.test.ts, in the RuleTester manner:
// each case a patch over one base filing, its findings checked by pointer and, written as YAML, by
// line and column); and the examples pass every rule but the one finding ippan-15 keeps on purpose.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../src/rules/registry.js';
import { validatePaths } from '../src/validate/index.js';
import { FIXTURES, runCli, writeTree } from './helpers.js';

describe('rule conformance', () => {
  it('gives every registered rule its test file of valid and invalid cases', () => {
    const missing = RULES.filter((rule) => {
      const file = join(__dirname, 'rules', `${rule.id.replace('/', '-')}.test.ts`);
      return !existsSync(file) || !readFileSync(file, 'utf8').includes('ruleTester(rule,');
    });
    expect(missing.map((r) => r.id)).toEqual([]);
  });

  it('leaves the examples clean, but for what each shows late on purpose (its progress report has a late measure)', async () => {
    const soden = await validatePaths([join(FIXTURES, '..', '..', 'examples', 'soden-13')], { lang: 'en' });
    expect(soden.diagnostics.map((d) => [d.code, d.severity, d.line])).toEqual([['assessment/overdue-measures', 'warning', 697]]);
    const ippan = await validatePaths([join(FIXTURES, '..', '..', 'examples', 'ippan-15')], { lang: 'en' });
    expect(ippan.diagnostics.map((d) => [d.code, d.severity, d.file?.replace(/.*examples[\\/]/, ''), d.line, d.column])).toEqual([
      ['assessment/recurrence-evidenced', 'warning', 'ippan-15/improvementPlan.yaml', 36, 17],
      ['systems/milestone-overdue', 'warning', 'ippan-15/systems.yaml', 438, 13],
    ]);
    expect(ippan.diagnostics[0]!.message).toContain('2024-10〜2025-03');
  });
});

describe('re-levelling by taisei.config.yaml', () => {
  // the ★ check items answered, so that only the rule under test has something to say
  const starred = ['RA-2', 'IT-2', 'IT-3', 'MO-1'].map((id) => `  ${id}: {status: in-place}\n`).join('');
  const filing = readFileSync(join(FIXTURES, 'cases', 'separation-target-missing.yaml'), 'utf8') + `selfAssessment:\n${starred}`;

  it('changes a severity and says so, with the justification', () => {
    const tree = writeTree({
      'filing.yaml': filing,
      'taisei.config.yaml': 'rules:\n  systems/separation-target:\n    severity: info\n    justification: 目標日は報告済みの計画に基づく\n',
    });
    const run = runCli(['validate', tree, '--format', 'json']);
    expect(run.status).toBe(0);
    const diagnostics = JSON.parse(run.stdout).diagnostics as { code: string; severity: string; hint?: string; message: string }[];
    expect(diagnostics.find((d) => d.code === 'systems/separation-target')?.severity).toBe('info');
    const note = diagnostics.find((d) => d.code === 'config/rule-relevelled')!;
    expect(note.message).toContain('systems/separation-target');
    expect(note.message).toContain('warning');
    expect(note.hint).toBe('目標日は報告済みの計画に基づく');
  });

  it('turns a rule off', () => {
    const tree = writeTree({
      'filing.yaml': filing.replace('level: hardware', 'level: software'),
      'taisei.config.yaml': 'rules:\n  systems/sharing-separation: {severity: "off", justification: 別途報告済み}\n',
    });
    const codes = JSON.parse(runCli(['validate', tree, '--format', 'json']).stdout).diagnostics.map((d: { code: string }) => d.code);
    expect(codes).not.toContain('systems/sharing-separation');
    expect(codes).toContain('config/rule-relevelled');
  });

  it('requires a justification, and names an unknown rule with a suggestion', () => {
    const missing = writeTree({ 'filing.yaml': filing, 'taisei.config.yaml': 'rules:\n  systems/separation-target: {severity: info}\n' });
    const run = runCli(['validate', missing, '--format', 'json']);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout).diagnostics.find((x: { code: string }) => x.code === 'schema/required')).toMatchObject({
      file: join(missing, 'taisei.config.yaml'),
      line: 2,
      column: 3,
    });
    const unknown = writeTree({
      'filing.yaml': filing,
      'taisei.config.yaml': 'rules:\n  systems/separation-targets: {severity: info, justification: x}\n',
    });
    const d = JSON.parse(runCli(['validate', unknown, '--format', 'json']).stdout).diagnostics.find(
      (x: { code: string }) => x.code === 'config/unknown-rule',
    );
    expect(d.hint).toContain('systems/separation-target');
  });
});

describe('rules list and explain', () => {
  it('lists every rule, as text and as JSON', () => {
    const text = runCli(['rules', 'list']).stdout;
    for (const rule of RULES) expect(text).toContain(rule.id);
    const json = JSON.parse(runCli(['rules', 'list', '--format', 'json']).stdout);
    expect(json.map((r: { id: string }) => r.id)).toEqual(RULES.map((r) => r.id));
    expect(json[0]).toMatchObject({ severity: 'error', basis: expect.any(String), why: expect.any(String), fix: expect.any(String) });
  });
  it('explains a rule: why, basis, how to fix, an example', () => {
    const run = runCli(['rules', 'explain', 'organisation/information-manager-is-officer'], { env: { LANG: 'ja_JP.UTF-8' } });
    expect(run.status).toBe(0);
    for (const part of ['理由', '根拠', '施行規則第33条の15第1項第10号', '対処', '例', 'position: director'])
      expect(run.stdout).toContain(part);
    const unknown = runCli(['rules', 'explain', 'nope']);
    expect(unknown.status).toBe(2);
  });
  it("puts the rule's help into SARIF", () => {
    const sarif = JSON.parse(runCli(['validate', join(FIXTURES, 'cases', 'retention-short.yaml'), '--format', 'sarif']).stdout);
    const rule = sarif.runs[0].tool.driver.rules.find((r: { id: string }) => r.id === 'retention/five-years');
    expect(rule.help.text).toContain('five years');
    // the package names no published documentation: no link rather than a dead one
    expect(rule.helpUri).toBeUndefined();
    expect(rule.properties.basis).toBe('施行規則第33条の15第2項');
  });
});
