// Output formats: json (documented shape), SARIF 2.1.0 structure, GitHub workflow commands.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES, runCli } from './helpers.js';

const fixture = join(FIXTURES, 'diagnostics', 'duplicate-id.yaml');
const several = [join(FIXTURES, 'diagnostics', 'enum.yaml'), join(FIXTURES, 'diagnostics', 'unknown-key.yaml'), fixture];

describe('json', () => {
  it('has the documented, versioned shape', () => {
    const run = runCli(['validate', ...several, '--format', 'json']);
    expect(run.status).toBe(1);
    const doc = JSON.parse(run.stdout);
    expect(doc).toMatchObject({
      format: 'taisei-diagnostics',
      version: 1,
      tool: { name: 'taisei' },
      lang: 'en',
      summary: { files: 3, errors: 3, warnings: 0, infos: 0 },
    });
    const dup = doc.diagnostics.find((d: { code: string }) => d.code === 'filing/duplicate-id');
    expect(dup).toMatchObject({
      severity: 'error',
      file: fixture,
      line: 19,
      column: 9,
      pointer: '/rules/1/id',
      related: [{ file: fixture, line: 14, column: 9 }],
    });
    expect(typeof dup.hint).toBe('string');
  });
});

describe('sarif', () => {
  it('is a SARIF 2.1.0 log with rules, levels and regions', () => {
    const sarif = JSON.parse(runCli(['validate', ...several, '--format', 'sarif']).stdout);
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
    expect(sarif.runs).toHaveLength(1);
    const run = sarif.runs[0];
    expect(run.tool.driver.name).toBe('taisei');
    expect(run.tool.driver.informationUri).toBeUndefined();
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toMatch(/^file:\/\/\/.*\/$/);
    const ruleIds = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ruleIds).toEqual([...new Set(ruleIds)]);
    for (const rule of run.tool.driver.rules) {
      expect(rule.helpUri).toBeUndefined();
      expect(typeof rule.help.text).toBe('string');
    }
    expect(run.results).toHaveLength(3);
    for (const result of run.results) {
      expect(ruleIds).toContain(result.ruleId);
      expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
      expect(['error', 'warning', 'note']).toContain(result.level);
      expect(result.message.text.length).toBeGreaterThan(0);
      const location = result.locations[0].physicalLocation;
      // relative to the working directory (the repository's root in CI), as code scanning maps it
      expect(location.artifactLocation).toMatchObject({
        uri: expect.stringMatching(/^tests\/fixtures\/diagnostics\/[a-z-]+\.yaml$/),
        uriBaseId: '%SRCROOT%',
      });
      expect(location.region.startLine).toBeGreaterThan(0);
      expect(location.region.startColumn).toBeGreaterThan(0);
    }
    const dup = run.results.find((r: { ruleId: string }) => r.ruleId === 'filing/duplicate-id');
    expect(dup.locations[0].physicalLocation.region).toMatchObject({ startLine: 19, startColumn: 9 });
    expect(dup.relatedLocations[0].physicalLocation.region).toMatchObject({ startLine: 14, startColumn: 9 });
  });
});

describe('github', () => {
  it('prints one parseable workflow command per finding', () => {
    const out = runCli(['validate', ...several, '--format', 'github'])
      .stdout.trimEnd()
      .split('\n');
    expect(out).toHaveLength(3);
    const pattern = /^::(error|warning|notice) file=([^,]+),line=(\d+),col=(\d+),endLine=(\d+),endColumn=(\d+),title=([^:]+)::(.+)$/;
    const parsed = out.map((line) => pattern.exec(line));
    for (const m of parsed) expect(m, 'line does not parse').not.toBeNull();
    const dup = parsed.find((m) => m![7] === 'filing/duplicate-id')!;
    expect(dup[2]).toBe(fixture);
    expect([dup[3], dup[4]]).toEqual(['19', '9']);
  });
  it('escapes newlines and percent signs', () => {
    const out = runCli(['validate', join(FIXTURES, 'diagnostics', 'unknown-key.yaml'), '--format', 'github'], {
      env: { LANG: 'ja_JP.UTF-8' },
    }).stdout;
    expect(out.trimEnd().split('\n')).toHaveLength(1);
    expect(out).toMatch(/title=schema\/unknown-key::「fiscalYaer」/);
  });
});

describe('text', () => {
  it('underlines exactly the value on a long line that the excerpt cuts', async () => {
    const { writeTree, HEADER } = await import('./helpers.js');
    const padding = 'あ'.repeat(80);
    const dir = writeTree({
      'filing.yaml': `${HEADER}improvementPlan:\n  - {id: IP-1, title: ${padding}, area: monitoring, owner: x, start: 2024-04-01, status: ongoing, recurrence: quarterly}\n`,
    });
    const lines = runCli(['validate', dir, '--lang', 'en']).stdout.split('\n');
    const at = lines.findIndex((l) => l.includes('assessment/recurrence-evidenced'));
    const source = lines[at + 2]!;
    const carets = lines[at + 3]!;
    expect(source).toContain('…');
    // the caret run is as wide as "quarterly" and sits under it (wide characters count two columns)
    const { displayWidth } = await import('../src/util/width.js');
    expect(/\^+/.exec(carets)![0]).toBe('^'.repeat('quarterly'.length));
    expect(carets.indexOf('^')).toBe(displayWidth(source.slice(0, source.indexOf('quarterly'))));
  });
});

describe('text', () => {
  it('says when the filing rules have not run yet, and only then', () => {
    const broken = runCli(['validate', join(FIXTURES, 'diagnostics', 'enum.yaml')]);
    expect(broken.status).toBe(1);
    expect(broken.stdout.trimEnd().split('\n').at(-1)).toBe(
      'the filing rules were not run on 1 filing: fix the schema errors first, then validate again',
    );
    const ja = runCli(['validate', join(FIXTURES, 'diagnostics', 'enum.yaml'), '--lang', 'ja']);
    expect(ja.stdout).toContain('記載のルールによる確認をまだ行っていません');
    const clean = runCli(['validate', join(FIXTURES, '..', '..', 'examples', 'soden-13')]);
    expect(clean.status).toBe(0);
    expect(clean.stdout).not.toContain('not run');
  });
});
