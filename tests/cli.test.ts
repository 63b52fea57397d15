// The command line as a user meets it: exit codes, language, output formats, no stack traces.
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BIN, EXAMPLES, FIXTURES, HEADER, runCli, tempDir, writeTree, baseEnv } from './helpers.js';

const bad = join(FIXTURES, 'diagnostics', 'enum.yaml');

describe('exit codes', () => {
  it('0 for a valid filing, and for one with warnings only', () => {
    // soden-13 with its late measure done: nothing to say
    const dir = tempDir();
    const yaml = readFileSync(join(EXAMPLES, 'soden-13', 'filing.yaml'), 'utf8');
    expect(yaml).toContain('    status: in-progress\n    description: 変換所の保守');
    writeFileSync(
      join(dir, 'filing.yaml'),
      yaml.replace('    status: in-progress\n    description: 変換所の保守', '    status: done\n    description: 変換所の保守'),
    );
    const clean = runCli(['validate', dir]);
    expect(clean.status, clean.stdout).toBe(0);
    expect(clean.stdout).toMatch(/1 file checked: no problems/);
    const run = runCli(['validate', join(EXAMPLES, 'ippan-15')]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/20 files checked: 2 warnings/);
  });
  it('1 for findings', () => {
    const run = runCli(['validate', bad]);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/schema\/enum/);
  });
  it('2 for usage errors, in the chosen language', () => {
    expect(runCli(['validate', '--format', 'xml', bad]).status).toBe(2);
    const unknown = runCli(['valdate']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/unknown command "valdate"/);
    expect(unknown.stderr).toMatch(/did you mean `taisei validate`/);
    const ja = runCli(['validate', '--bogus'], { env: { LANG: 'ja_JP.UTF-8' } });
    expect(ja.status).toBe(2);
    expect(ja.stderr).toMatch(/--bogus というオプションはありません/);
    expect(runCli(['--lang', 'fr', 'profiles']).status).toBe(2);
  });
  it('3 for a missing path, still checking the others', () => {
    const run = runCli(['validate', '/no/such/filing', join(EXAMPLES, 'soden-13')]);
    expect(run.status).toBe(3);
    expect(run.stdout).toMatch(/cannot read \/no\/such\/filing: no such file or directory/);
    expect(run.stdout).toMatch(/1 file checked: 1 error/);
  });
  it('never prints a stack trace without --debug', () => {
    for (const args of [
      ['validate', '/no/such'],
      ['validate', bad],
      ['init', EXAMPLES],
      ['profiles', 'nope'],
    ]) {
      const run = runCli(args);
      expect(run.stdout + run.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
    }
  });
});

describe('pipes', () => {
  it('stops quietly when the reader closes the pipe', () => {
    const run = spawnSync('sh', ['-c', `"${process.execPath}" "${BIN}" profiles | head -1`], {
      encoding: 'utf8',
      env: baseEnv(),
    });
    expect(run.stdout.trim()).toMatch(/^ippan/);
    expect(run.stderr).toBe('');
  });
});

describe('language', () => {
  it('speaks Japanese when LANG or LC_ALL starts with ja, English otherwise, --lang wins', () => {
    expect(runCli(['validate', bad], { env: { LANG: 'ja_JP.UTF-8' } }).stdout).toMatch(
      /「事業者の種類」\(filerType\) に「genral-td」は使えません/,
    );
    expect(runCli(['validate', bad], { env: { LANG: 'en_US.UTF-8', LC_ALL: 'ja_JP.UTF-8' } }).stdout).toMatch(/使えません/);
    expect(runCli(['validate', bad], { env: { LANG: 'en_US.UTF-8' } }).stdout).toMatch(/is not one of the allowed values/);
    expect(runCli(['validate', bad, '--lang', 'en'], { env: { LANG: 'ja_JP.UTF-8' } }).stdout).toMatch(/is not one of the allowed values/);
    expect(runCli(['--lang=ja', 'validate', bad]).stdout).toMatch(/使える値: general-td（一般送配電事業者）/);
  });
  it('translates the help', () => {
    const help = runCli(['--help'], { env: { LANG: 'ja_JP.UTF-8' } });
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/使い方:/);
    expect(help.stdout).toMatch(/コマンド:/);
  });
});

describe('text output', () => {
  it('shows the line with a caret under the value, aligned for wide characters', () => {
    const dir = writeTree({ 'f.yaml': HEADER.replace('filerType: general-td', '事業: x\nfilerType: general-td') });
    const out = runCli(['validate', join(dir, 'f.yaml')]).stdout;
    expect(out).toContain('  8 | 事業: x\n    | ^^^^');
  });
  it('has no colour when not on a terminal, and colour with FORCE_COLOR', () => {
    expect(runCli(['validate', bad]).stdout).not.toContain('\u001b[');
    expect(runCli(['validate', bad], { env: { FORCE_COLOR: '1' } }).stdout).toContain('\u001b[31m');
  });
});

describe('profiles', () => {
  it('lists every profile with its items', () => {
    const run = runCli(['profiles']);
    expect(run.status).toBe(0);
    for (const id of ['ippan-15', 'ippan-13', 'soden-13']) expect(run.stdout).toContain(id);
    expect(run.stdout).toContain('前条第一項第四号の規定により実施した確認の結果');
    expect(run.stdout).toMatch(/ippan-13 .*\n.*up to fiscal year 2023/);
    const json = JSON.parse(runCli(['profiles', 'soden-13', '--format', 'json']).stdout);
    expect(json).toHaveLength(1);
    expect(json[0].items).toHaveLength(13);
  });
});

describe('init', () => {
  it('writes a skeleton whose files carry the schema modeline and whose findings list what to fill in', () => {
    const dir = join(tempDir(), 'filing');
    const run = runCli(['init', dir, '--fiscal-year', '2025']);
    expect(run.status).toBe(0);
    const files = readdirSync(dir)
      .filter((name) => name.endsWith('.yaml'))
      .sort();
    expect(files).toContain('filing.yaml');
    expect(files).toContain('systems.yaml');
    expect(files).toContain('transactionCorrections.yaml');
    for (const name of files) {
      const text = readFileSync(join(dir, name), 'utf8');
      const modeline = /^# yaml-language-server: \$schema=(.+)$/m.exec(text)?.[1];
      expect(modeline, name).toBeDefined();
      expect(existsSync(join(dir, modeline!)), `${name} → ${modeline}`).toBe(true);
    }
    expect(readFileSync(join(dir, 'filing.yaml'), 'utf8')).toMatch(/fiscalYear: 2025/);
    const check = runCli(['validate', dir, '--format', 'json']);
    expect(check.status).toBe(1);
    const codes = new Set(JSON.parse(check.stdout).diagnostics.map((d: { code: string }) => d.code));
    expect(
      [...codes].every((c) => ['schema/empty', 'schema/min-items'].includes(c as string)),
      [...codes].join(),
    ).toBe(true);
  });
  it('writes the schemas and the editor settings into the filing, so that a moved copy still finds them', () => {
    const dir = join(tempDir(), 'filing');
    expect(runCli(['init', dir, '--fiscal-year', '2025']).status).toBe(0);
    const moved = join(tempDir(), 'elsewhere', 'filing-2025');
    cpSync(dir, moved, { recursive: true });
    rmSync(dir, { recursive: true });
    const modeline = /^# yaml-language-server: \$schema=(.+)$/m.exec(readFileSync(join(moved, 'systems.yaml'), 'utf8'))![1]!;
    expect(modeline).toBe('.schemas/4/section.bundle.schema.json');
    const schema = JSON.parse(readFileSync(join(moved, modeline), 'utf8'));
    expect(schema.properties.systems).toBeDefined();
    const settings = JSON.parse(readFileSync(join(moved, '.vscode', 'settings.json'), 'utf8'));
    expect(settings['yaml.schemas']).toEqual({
      './.schemas/4/section.bundle.schema.json': ['*.yaml', '*.yml', '!taisei.config.yaml'],
      './.schemas/config.schema.json': ['taisei.config.yaml'],
    });
    expect(settings['yaml.customTags']).toContain('!withhold scalar');
    // the configuration's own schema accepts a configuration, which the sections' schema would not
    const configSchema = JSON.parse(readFileSync(join(moved, '.schemas', 'config.schema.json'), 'utf8'));
    const ajv = new Ajv2020({ strict: false, validateFormats: false });
    const config = {
      recordsAnnex: false,
      rules: { 'systems/separation-target': { severity: 'warning', justification: '計画を提出済み' } },
    };
    expect(ajv.validate(configSchema, config), JSON.stringify(ajv.errors)).toBe(true);
    expect(ajv.validate(schema, config)).toBe(false);
    // the schemas and settings are no part of the filing: validating it says only what to fill in
    const check = JSON.parse(runCli(['validate', moved, '--format', 'json']).stdout);
    expect(check.diagnostics.every((d: { file?: string }) => d.file?.endsWith('.yaml'))).toBe(true);
  });

  it('points init --from at the schemas it writes into the new filing', () => {
    const dir = join(tempDir(), 'next');
    const run = runCli(['init', dir, '--from', join(EXAMPLES, 'soden-13')]);
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(join(dir, 'filing.yaml'), 'utf8')).toMatch(
      /^# yaml-language-server: \$schema=\.schemas\/4\/section\.bundle\.schema\.json$/m,
    );
    expect(existsSync(join(dir, '.schemas', '4', 'section.bundle.schema.json'))).toBe(true);
    expect(existsSync(join(dir, '.vscode', 'settings.json'))).toBe(true);
  });

  it('refuses a directory that is not empty', () => {
    const run = runCli(['init', join(EXAMPLES, 'ippan-15')]);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/already exists and is not empty/);
  });
});

describe('schema', () => {
  it('writes the source, bundled, profile and config schemas', () => {
    const dir = tempDir();
    const run = runCli(['schema', '--out', dir]);
    expect(run.status).toBe(0);
    expect(readdirSync(join(dir, '1'))).toEqual(
      expect.arrayContaining(['filing.schema.json', 'systems.schema.json', 'filing.bundle.schema.json', 'section.bundle.schema.json']),
    );
    const bundle = JSON.parse(readFileSync(join(dir, '1', 'filing.bundle.schema.json'), 'utf8'));
    expect(bundle.$id).toBe('https://taisei.dev/schemas/1/filing.bundle.schema.json');
    expect(JSON.stringify(bundle)).not.toMatch(/"\$ref":"[^#]/);
    // version 2 builds on 1: written out, its folder is whole, the base's files with their $id moved
    const v2 = readdirSync(join(dir, '2'));
    expect(v2).toEqual(
      expect.arrayContaining([
        'filing.schema.json',
        'systems.schema.json',
        'selfAssessment.schema.json',
        'improvementPlan.schema.json',
        'filing.bundle.schema.json',
      ]),
    );
    expect(JSON.parse(readFileSync(join(dir, '2', 'systems.schema.json'), 'utf8')).$id).toBe(
      'https://taisei.dev/schemas/2/systems.schema.json',
    );
    expect(readdirSync(join(dir, '1'))).not.toContain('selfAssessment.schema.json');
    expect(JSON.parse(readFileSync(join(dir, '2', 'filing.bundle.schema.json'), 'utf8')).properties).toHaveProperty('selfAssessment');
    expect(existsSync(join(dir, 'profile.schema.json'))).toBe(true);
  });
});
