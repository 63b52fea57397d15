// The hostile corpus: inputs an attacker or a careless user would give, one case per class of the
// hardening work. Each asserts the documented exit code, a message that says what is wrong, no
// stack trace, no partial output, and inputs unchanged.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { readDirectory, readEntry, writeZip } from '../src/bundle/zip.js';
import { baseEnv, EXAMPLES, ROOT, runCli, tempDir } from './helpers.js';

const soden = join(EXAMPLES, 'soden-13');
let bundle: string;

beforeAll(() => {
  const out = tempDir('taisei-hostile-');
  const run = runCli(['build', soden, '--out', out]);
  expect(run.status, run.stderr).toBe(0);
  bundle = join(out, 'report-2024-submission.zip');
}, 60_000);

/** Every file under a directory with its hash: to show a run left its inputs as they were. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const path = join(d, name);
      const stats = statSync(path);
      if (stats.isDirectory()) walk(path);
      else if (stats.isFile()) out[path] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(dir);
  return out;
}

const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

/** A filing directory: a copy of an example with an attachment added. */
function filingWithAttachment(file: string, make: (path: string) => void): string {
  const dir = join(tempDir('taisei-hostile-'), 'filing');
  cpSync(soden, dir, { recursive: true });
  const yaml = readFileSync(join(dir, 'filing.yaml'), 'utf8').replace(
    'attachments: []',
    `attachments:\n  - id: att-1\n    title: 規程\n    kind: rule\n    file: ${file}`,
  );
  writeFileSync(join(dir, 'filing.yaml'), yaml);
  make(join(dir, file));
  return dir;
}

/** The bundle with its manifest edited (an unsigned bundle can be re-packed by anyone). */
function forged(edit: (manifest: Record<string, unknown>) => void): string {
  const zip = readFileSync(bundle);
  const entries = readDirectory(zip).map((e) => ({ name: e.name, data: readEntry(zip, e) }));
  const manifest = entries.find((e) => e.name === 'manifest.json')!;
  const parsed = JSON.parse(manifest.data.toString('utf8'));
  edit(parsed);
  manifest.data = Buffer.from(JSON.stringify(parsed));
  const path = join(tempDir('taisei-hostile-'), 'forged.zip');
  writeFileSync(path, writeZip(entries));
  return path;
}

describe('the manifest must agree with its filing', () => {
  for (const [field, edit] of [
    ['fiscalYear', (m: Record<string, unknown>) => (m.fiscalYear = 2031)],
    ['edition', (m: Record<string, unknown>) => (m.edition = 'public')],
    ['filer.corporateNumber', (m: Record<string, unknown>) => ((m.filer as Record<string, unknown>).corporateNumber = '1234567890123')],
  ] as const) {
    it(`refuses a bundle whose manifest was edited (${field}), and ingest stores nothing`, () => {
      const path = forged(edit);
      const run = runCli(['verify', path]);
      expect(run.status).toBe(1);
      expect(run.stdout).toContain('bundle/manifest-mismatch');
      expect(run.stdout).toContain(field);
      const db = join(tempDir('taisei-hostile-'), 'r.sqlite');
      const ingest = runCli(['ingest', '--db', db, path]);
      expect(ingest.status).toBe(1);
      expect(ingest.stderr + ingest.stdout).toContain('bundle/manifest-mismatch');
      noStackTrace(ingest.stderr);
    });
  }

  it('says in the summary that a signature was present but not checked', () => {
    const out = tempDir('taisei-hostile-');
    const keys = tempDir('taisei-hostile-');
    expect(runCli(['keygen', '--out', keys]).status).toBe(0);
    const key = join(
      keys,
      readdirSync(keys).find((n) => n.endsWith('.key.pem'))!,
    );
    expect(runCli(['build', soden, '--out', out, '--sign', key]).status).toBe(0);
    const run = runCli(['verify', join(out, 'report-2024-submission.zip')]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('signed, but not checked (1)');
    // and what it proved says so too: a signature nobody checked proves nothing
    expect(run.stdout).toContain('signed with an Ed25519 key, not checked (no --key given)');
  });
});

describe('bundles re-packed to mislead an unzip tool', () => {
  it('refuses a zip64 archive, an entry named differently in its own header, and Unicode-normalisation twins', () => {
    const zip = readFileSync(bundle);
    const dir = tempDir('taisei-hostile-');
    // the end record claiming zip64's "see the zip64 record" entry count
    const zip64 = Buffer.from(zip);
    const end = zip64.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    zip64.writeUInt16LE(0xffff, end + 10);
    writeFileSync(join(dir, 'zip64.zip'), zip64);
    // the local header of report.pdf (its first occurrence) renamed, the directory's name kept
    const renamed = Buffer.from(zip);
    const at = renamed.indexOf('report.pdf');
    renamed.write('REPORT.pdf', at);
    writeFileSync(join(dir, 'renamed.zip'), renamed);
    // the same name composed and decomposed
    const entries = readDirectory(zip).map((e) => ({ name: e.name, data: readEntry(zip, e) }));
    entries.push(
      { name: 'attachments/\u304c.pdf', data: Buffer.from('a') },
      { name: 'attachments/\u304b\u3099.pdf', data: Buffer.from('b') },
    );
    writeFileSync(join(dir, 'twins.zip'), writeZip(entries));
    for (const [file, words] of [
      ['zip64.zip', 'zip64'],
      ['renamed.zip', 'its own header'],
      ['twins.zip', 'the same entry twice'],
    ] as const) {
      const run = runCli(['verify', join(dir, file)]);
      expect(run.status, file).toBe(1);
      expect(run.stdout, file).toContain(words);
      noStackTrace(run.stderr);
    }
  });
});

describe('only regular files, and only inside the filing', () => {
  it('refuses an attachment linked to a device out of the filing (/dev/zero), without reading it', () => {
    const dir = filingWithAttachment('rules.pdf', (path) => symlinkSync('/dev/zero', path));
    const run = runCli(['build', dir, '--out', join(tempDir('taisei-hostile-'), 'out')]);
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).toContain('outside the filing directory');
  });

  it('refuses an attachment that is a symbolic link out of the filing, and bundles nothing', () => {
    const dir = filingWithAttachment('rules.pdf', (path) => symlinkSync('/etc/passwd', path));
    const before = snapshot(dir);
    const out = join(tempDir('taisei-hostile-'), 'out');
    const run = runCli(['build', dir, '--out', out]);
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).toContain('outside the filing directory');
    expect(existsSync(out)).toBe(false);
    expect(snapshot(dir)).toEqual(before);
  });

  it('refuses an attachment that is a directory or a named pipe, without blocking on the pipe', () => {
    const asDir = filingWithAttachment('plans', (path) => mkdirSync(path));
    expect(runCli(['validate', asDir]).stdout).toContain('is not a regular file');
    const asFifo = filingWithAttachment('pipe.pdf', (path) => execFileSync('mkfifo', [path]));
    const run = runCli(['build', asFifo, '--out', join(tempDir('taisei-hostile-'), 'out')]);
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).toContain('is not a regular file');
  });

  it('refuses a named pipe among a filing’s YAML files (exit 3), without blocking on it', () => {
    const dir = join(tempDir('taisei-hostile-'), 'filing');
    cpSync(soden, dir, { recursive: true });
    execFileSync('mkfifo', [join(dir, 'rules.yaml')]);
    const run = runCli(['validate', dir]);
    expect(run.status).toBe(3);
    expect(run.stderr + run.stdout).toContain('not a regular file');
    noStackTrace(run.stderr);
  });

  it('refuses a directory given as a bundle: verify and ingest exit 3', () => {
    const dir = tempDir('taisei-hostile-');
    const run = runCli(['verify', dir]);
    expect(run.status).toBe(3);
    expect(run.stderr + run.stdout).toContain('is a directory');
    noStackTrace(run.stderr);
    const ingest = runCli(['ingest', '--db', join(tempDir('taisei-hostile-'), 'r.sqlite'), dir]);
    expect(ingest.status).toBe(3);
    expect(ingest.stderr + ingest.stdout).toContain('is a directory');
  });
});

describe('outputs: all or nothing, and paths that cannot work', () => {
  it('writes no edition when a later output cannot be written, and leaves the earlier files as they were', () => {
    const out = tempDir('taisei-hostile-');
    expect(runCli(['build', soden, '--out', out]).status).toBe(0);
    const before = snapshot(out);
    // the public bundle's name is taken by a directory: the last rename fails
    mkdirSync(join(out, 'report-2024-public.zip'));
    const run = runCli(['build', soden, '--out', out, '--edition', 'both', '--lang', 'en']);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain('cannot write');
    noStackTrace(run.stderr);
    expect(existsSync(join(out, 'report-2024-public.pdf'))).toBe(false);
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('writes none of several files when one cannot be written, leaving the others as they were', async () => {
    const { writeFilesAtomic } = await import('../src/util/atomic.js');
    const dir = tempDir('taisei-hostile-');
    writeFileSync(join(dir, 'a.pdf'), 'last year');
    // a name the file system takes, whose temporary file's longer name it does not
    const long = `${'b'.repeat(236)}.zip`;
    expect(() =>
      writeFilesAtomic([
        { path: join(dir, 'a.pdf'), data: 'this year' },
        { path: join(dir, long), data: 'bundle' },
      ]),
    ).toThrow(/cli\.error\.write/);
    expect(readFileSync(join(dir, 'a.pdf'), 'utf8')).toBe('last year');
    expect(readdirSync(dir)).toEqual(['a.pdf']);
  });

  it('leaves every earlier file as it was when the disk fills up half-way through the outputs', () => {
    const out = tempDir('taisei-hostile-');
    expect(runCli(['build', soden, '--out', out]).status).toBe(0);
    const before = snapshot(out);
    const run = runCli(['build', soden, '--out', out, '--edition', 'both'], {
      env: { NODE_OPTIONS: `--require ${join(__dirname, 'fixtures', 'disk-full.cjs')}` },
    });
    expect(run.status).toBe(3);
    expect(run.stderr).toContain('no space left on the device');
    noStackTrace(run.stderr);
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(out).sort()).toEqual(['report-2024-submission.pdf', 'report-2024-submission.zip']);
  });

  it('treats a hard link inside the filing as the file it is (a filer can only link what it may read)', () => {
    const outside = join(tempDir('taisei-hostile-'), 'rules.pdf');
    writeFileSync(outside, '%PDF-1.4 rules');
    const dir = filingWithAttachment('rules.pdf', (path) => linkSync(outside, path));
    const out = join(tempDir('taisei-hostile-'), 'out');
    const run = runCli(['build', dir, '--out', out]);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const zip = readFileSync(join(out, 'report-2024-submission.zip'));
    expect(readDirectory(zip).map((e) => e.name)).toContain('attachments/rules.pdf');
  });

  it('cleans up the temporary files a killed run left behind', () => {
    const out = tempDir('taisei-hostile-');
    // a temporary file named for a process that no longer runs
    writeFileSync(join(out, '.report-2024-submission.pdf.taisei-999999-1.tmp'), 'half a PDF');
    expect(runCli(['build', soden, '--out', out]).status).toBe(0);
    expect(readdirSync(out).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('reports an output directory that cannot be made (under /proc) with exit 3, and does not hang', () => {
    for (const args of [
      ['build', soden, '--out', '/proc/taisei-nowhere/out'],
      ['schema', '--out', '/proc/taisei-nowhere/schemas'],
    ]) {
      const started = Date.now();
      const run = runCli(args);
      expect(run.status, args.join(' ')).toBe(3);
      expect(run.stderr).toContain('cannot write');
      expect(Date.now() - started).toBeLessThan(20_000);
    }
  });
});

describe("the regulator's database", () => {
  const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

  it('leaves a foreign SQLite file and an empty file exactly as they were', async () => {
    const dir = tempDir('taisei-hostile-');
    const foreign = join(dir, 'other.sqlite');
    // a SQLite database of something else
    const { openSqlite } = await import('../src/regulator/sqlite.js');
    const other = openSqlite(foreign, { mustExist: false });
    other.exec("CREATE TABLE accounts (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO accounts (name) VALUES ('x')");
    other.close();
    const before = hash(foreign);
    const ingest = runCli(['ingest', '--db', foreign, bundle]);
    expect(ingest.status).toBe(3);
    expect(hash(foreign)).toBe(before);
    expect(existsSync(`${foreign}-wal`)).toBe(false);
    const empty = join(dir, 'empty.sqlite');
    writeFileSync(empty, '');
    const compare = runCli(['compare', '--db', empty, '--out', join(dir, 'c.csv')]);
    expect(compare.status).toBe(3);
    expect(compare.stderr).toContain('not a taisei database');
    expect(statSync(empty).size).toBe(0);
    expect(existsSync(join(dir, 'c.csv'))).toBe(false);
  });

  it('takes several ingests of overlapping bundles at once into one new database: none fails, each stored once, one current', async () => {
    const { spawn } = await import('node:child_process');
    const { BIN } = await import('./helpers.js');
    const both = tempDir('taisei-hostile-');
    expect(runCli(['build', soden, '--out', both, '--edition', 'both']).status).toBe(0);
    const a = join(both, 'report-2024-submission.zip');
    const b = join(both, 'report-2024-public.zip');
    const db = join(tempDir('taisei-hostile-'), 'r.sqlite');
    const runs = await Promise.all(
      [[a], [a, b], [b, a], [b], [a, b]].map(
        (bundles) =>
          new Promise<{ code: number | null; err: string }>((resolve) => {
            const child = spawn(process.execPath, [BIN, 'ingest', '--db', db, ...bundles], { env: baseEnv() });
            let err = '';
            child.stderr.on('data', (d) => (err += d));
            child.on('exit', (code) => resolve({ code, err }));
          }),
      ),
    );
    for (const r of runs) {
      expect(r.code, r.err).toBe(0);
      noStackTrace(r.err);
    }
    const { openSqlite } = await import('../src/regulator/sqlite.js');
    const read = openSqlite(db, { mustExist: true, readOnly: true });
    try {
      expect(read.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
      expect(read.prepare('SELECT COUNT(*) AS n FROM bundles').get()).toEqual({ n: 2 });
      const current = read
        .prepare(
          'SELECT edition, COUNT(*) AS n FROM bundles WHERE current = 1 GROUP BY filer_number, fiscal_year, edition ORDER BY edition',
        )
        .all();
      expect(current).toEqual([
        { edition: 'public', n: 1 },
        { edition: 'submission', n: 1 },
      ]);
    } finally {
      read.close();
    }
    const again = runCli(['ingest', '--db', db, a]);
    expect(again.stderr + again.stdout).toMatch(/already/);
  }, 60_000);

  it('waits on a database another run holds, rather than taking it for a foreign file', async () => {
    const { spawn } = await import('node:child_process');
    const { BIN } = await import('./helpers.js');
    const db = join(tempDir('taisei-hostile-'), 'r.sqlite');
    expect(runCli(['ingest', '--db', db, bundle]).status).toBe(0);
    const { openSqlite } = await import('../src/regulator/sqlite.js');
    // another connection takes the database for itself: a reader that does not wait fails at once
    // (in rollback-journal mode, as a database is while the first ingest is making it)
    const holder = openSqlite(db, { mustExist: true });
    holder.exec('PRAGMA journal_mode = DELETE');
    holder.exec('BEGIN EXCLUSIVE');
    holder.exec("UPDATE meta SET value = value WHERE key = 'schema_version'");
    const out = join(tempDir('taisei-hostile-'), 'c.csv');
    const done = new Promise<{ code: number | null; err: string; at: number }>((resolve) => {
      const child = spawn(process.execPath, [BIN, 'compare', '--db', db, '--out', out], { env: baseEnv() });
      let err = '';
      child.stderr.on('data', (d) => (err += d));
      child.on('exit', (code) => resolve({ code, err, at: Date.now() }));
    });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const released = Date.now();
    holder.exec('COMMIT');
    holder.close();
    const run = await done;
    expect(run.code, run.err).toBe(0);
    expect(run.at).toBeGreaterThanOrEqual(released);
    expect(readFileSync(out, 'utf8')).toContain('2024');
  }, 60_000);
});

describe('options that point at nothing', () => {
  it('says so, with the documented exit code', () => {
    const out = tempDir('taisei-hostile-');
    const templates = runCli(['build', soden, '--out', out, '-t', '/no/such/dir']);
    expect(templates.status).toBe(2);
    expect(templates.stderr).toContain('does not exist');
    expect(readdirSync(out)).toEqual([]);
    const keys = runCli(['ingest', '--db', join(out, 'r.sqlite'), '--keys', '/no/such/dir', bundle]);
    expect(keys.status).toBe(2);
    expect(existsSync(join(out, 'r.sqlite'))).toBe(false);
    const dir = join(tempDir('taisei-hostile-'), 'filing');
    cpSync(soden, dir, { recursive: true });
    writeFileSync(join(dir, 'notafont.ttf'), 'not a font');
    writeFileSync(join(dir, 'taisei.config.yaml'), 'fonts:\n  body: notafont.ttf\n');
    const font = runCli(['build', dir, '--out', join(out, 'f')]);
    expect(font.status).toBe(3);
    expect(font.stderr).toContain('is not a font');
    noStackTrace(font.stderr);
  });

  it('refuses to withhold the whole document, or what says whose filing it is, in validate and in build', () => {
    const dir = join(tempDir('taisei-hostile-'), 'filing');
    cpSync(soden, dir, { recursive: true });
    const yaml = readFileSync(join(dir, 'filing.yaml'), 'utf8');
    writeFileSync(join(dir, 'filing.yaml'), `--- !withhold\n${yaml}`);
    const run = runCli(['build', dir, '--out', join(dir, 'out'), '--edition', 'public']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('publication/withhold-identity');
    expect(runCli(['validate', dir]).stdout).toContain('publication/withhold-identity');
    writeFileSync(join(dir, 'filing.yaml'), yaml.replace(/submissionDate: (\S+)/, 'submissionDate: !withhold $1'));
    expect(runCli(['build', dir, '--out', join(dir, 'out'), '--edition', 'public']).stdout).toContain('/submissionDate');
  });
});

describe('deep input', () => {
  it('refuses a block list nested 3,000 deep and flow nesting 100,000 deep, in a directory filing, with a finding', () => {
    for (const text of [
      `x:\n${Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i + 1)}-`).join('\n')} 1\n`,
      `x: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`,
    ]) {
      const dir = join(tempDir('taisei-hostile-'), 'filing');
      cpSync(soden, dir, { recursive: true });
      writeFileSync(join(dir, 'deep.yaml'), text);
      const run = runCli(['validate', dir]);
      expect(run.status).toBe(1);
      expect(run.stdout).toContain('yaml/too-deep');
      noStackTrace(run.stderr);
    }
  });

  it('refuses a bundle whose filing.json nests thousands deep (its manifest hashes re-made to match)', () => {
    const zip = readFileSync(bundle);
    const entries = readDirectory(zip).map((e) => ({ name: e.name, data: readEntry(zip, e) }));
    const filing = entries.find((e) => e.name === 'filing.json')!;
    // (built as text: the test's own JSON.stringify would overflow on it)
    filing.data = Buffer.from(filing.data.toString('utf8').replace(/^\{/, `{"deep":${'['.repeat(5000)}${']'.repeat(5000)},`));
    const manifest = entries.find((e) => e.name === 'manifest.json')!;
    const m = JSON.parse(manifest.data.toString('utf8'));
    const listed = m.files.find((f: { path: string }) => f.path === 'filing.json');
    listed.size = filing.data.length;
    listed.sha256 = createHash('sha256').update(filing.data).digest('hex');
    manifest.data = Buffer.from(JSON.stringify(m));
    const path = join(tempDir('taisei-hostile-'), 'deep.zip');
    writeFileSync(path, writeZip(entries));
    const run = runCli(['verify', path]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('bundle/filing');
    noStackTrace(run.stderr);
  });
});

describe('stack traces with --debug', () => {
  it('name the installed files, not where the code cache was built', () => {
    const installed = join(tempDir('taisei-hostile-'), 'taisei');
    for (const part of ['bin', 'dist', 'schemas', 'profiles', 'templates', 'fonts', 'catalogues', 'docs', 'package.json'])
      cpSync(join(ROOT, part), join(installed, part), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(installed, 'node_modules'), 'dir');
    const result = spawnSync(
      process.execPath,
      [join(installed, 'bin', 'taisei.js'), 'build', soden, '--out', tempDir('taisei-hostile-'), '--debug'],
      {
        encoding: 'utf8',
        env: { ...baseEnv(), NODE_OPTIONS: `--require ${join(__dirname, 'fixtures', 'internal-error.cjs')}` },
      },
    );
    expect(result.status).toBe(70);
    expect(result.stderr).toContain(join(installed, 'dist'));
    expect(result.stderr).not.toContain(join(ROOT, 'dist'));
  });
});

describe('keys that are not data', () => {
  it('reports a top-level __proto__ in a section file as an unknown key, as in a one-file filing', () => {
    const dir = join(tempDir('taisei-hostile-'), 'filing');
    cpSync(soden, dir, { recursive: true });
    writeFileSync(join(dir, 'extra.yaml'), '__proto__:\n  polluted: true\n');
    const run = runCli(['validate', dir, '--format', 'json']);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('__proto__');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('spreadsheets the regulator opens', () => {
  it('neutralises a cell a spreadsheet would take for a formula (CSV), and leaves numbers alone', async () => {
    const { neutralised } = await import('../src/util/excel.js');
    expect(neutralised('=HYPERLINK("http://x","y")')).toBe('\'=HYPERLINK("http://x","y")');
    for (const start of ['+', '-', '@', '\t', '\r']) expect(neutralised(`${start}cmd`)).toBe(`'${start}cmd`);
    expect(neutralised('東雲電力')).toBe('東雲電力');
    expect(neutralised(-5)).toBe('-5');
  });
});

describe('the public edition of attachments it withholds', () => {
  it('builds, carries no withheld file, and verifies, whether an entry or only its path is withheld', () => {
    const dir = join(tempDir('taisei-hostile-'), 'filing');
    cpSync(join(EXAMPLES, 'ippan-15'), dir, { recursive: true });
    const yaml = readFileSync(join(dir, 'attachments.yaml'), 'utf8');
    // a rule's full text withheld as a whole (a rule refers to it), and another file's path withheld
    const withheld = yaml
      .replace('  - id: att-rule-101', '  - !withhold\n    id: att-rule-101')
      .replace('file: attachments/floor-hq-09.pdf\n    kind: floor-plan', 'file: !withhold attachments/floor-hq-09.pdf\n    kind: other');
    expect(withheld).not.toBe(yaml);
    writeFileSync(join(dir, 'attachments.yaml'), withheld);
    const out = join(dir, 'out');
    const build = runCli(['build', dir, '--out', out, '--edition', 'both']);
    expect(build.status, build.stderr).toBe(0);
    const names = (edition: string) => readDirectory(readFileSync(join(out, `report-2024-${edition}.zip`))).map((e) => e.name);
    expect(names('public')).not.toContain('attachments/rule-101.pdf');
    expect(names('public')).not.toContain('attachments/floor-hq-09.pdf');
    expect(names('submission')).toEqual(expect.arrayContaining(['attachments/rule-101.pdf', 'attachments/floor-hq-09.pdf']));
    for (const edition of ['public', 'submission']) {
      const verify = runCli(['verify', join(out, `report-2024-${edition}.zip`), '--format', 'json']);
      expect(verify.status, verify.stdout + verify.stderr).toBe(0);
      expect(verify.stderr).toBe('');
    }
  });
});

describe('output that carries input', () => {
  const injection = 'x\n::error file=pwn.yaml,line=1::injected\u001b[2J\u0007';

  it('writes no control character of a value into text or GitHub output: no workflow command, no terminal sequence', () => {
    const dir = tempDir('taisei-hostile-');
    // in YAML's double-quoted escapes: a line break, ESC and BEL inside a value an enum finding quotes
    const escaped = injection.replaceAll('\n', '\\n').replaceAll('\u001b', '\\e').replaceAll('\u0007', '\\a');
    writeFileSync(
      join(dir, 'filing.yaml'),
      `filer:\n  name: 東雲\n  corporateNumber: "9010401199001"\n  address: 東雲県\n  representative: {title: 社長, name: 山田}\nfilerType: "${escaped}"\nfiscalYear: 2024\nsubmissionDate: 2025-06-20\n`,
    );
    for (const format of ['text', 'github']) {
      const run = runCli(['validate', dir, '--format', format]);
      expect(run.stdout, format).toContain('injected');
      // no line of the output starts a workflow command but the reporter's own
      const commands = run.stdout.split('\n').filter((l) => l.startsWith('::'));
      if (format === 'text') expect(commands).toEqual([]);
      else for (const line of commands) expect(line).toMatch(/^::(error|warning|notice) file=/);
      expect(run.stdout.split('\n').some((l) => l.startsWith('::error file=pwn.yaml'))).toBe(false);
      // no control character but the line ends
      expect(
        [...run.stdout].filter((c) => c !== '\n' && (c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f)),
        format,
      ).toEqual([]);
    }
  });

  it('makes nothing of HTML or a link in diff --format markdown', () => {
    const before = tempDir('taisei-hostile-');
    const after = tempDir('taisei-hostile-');
    cpSync(join(EXAMPLES, 'soden-13'), before, { recursive: true });
    cpSync(join(EXAMPLES, 'soden-13'), after, { recursive: true });
    const header = join(after, 'filing.yaml');
    writeFileSync(
      header,
      readFileSync(header, 'utf8').replace(
        /^(\s+department: ).*$/m,
        '$1"<img src=x onerror=alert(1)><script>x</script>[click](javascript:alert(1))"',
      ),
    );
    const run = runCli(['diff', before, after, '--format', 'markdown']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('&lt;img');
    expect(run.stdout).not.toMatch(/<img|<script|\]\(javascript:/);
  });

  it("neutralises a formula in export's CSV, and reads it back as it was", () => {
    const dir = tempDir('taisei-hostile-');
    cpSync(join(EXAMPLES, 'soden-13'), dir, { recursive: true });
    const header = join(dir, 'filing.yaml');
    const text = readFileSync(header, 'utf8');
    expect(text).toMatch(/^\s+subject: /m);
    writeFileSync(header, text.replace(/^(\s+subject: ).*$/m, '$1"=HYPERLINK(\\"http://x\\",\\"y\\")"'));
    const csv = join(tempDir('taisei-hostile-'), 'transactions.csv');
    expect(runCli(['export', dir, '--section', 'transactions', '--out', csv]).status).toBe(0);
    const written = readFileSync(csv, 'utf8');
    expect(written).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(written).not.toMatch(/,=HYPERLINK|,"=HYPERLINK/);
  });

  it('places findings right in a CSV whose line ends mix CRLF, LF and CR', () => {
    const dir = tempDir('taisei-hostile-');
    cpSync(join(EXAMPLES, 'soden-13'), dir, { recursive: true });
    const csv = join(dir, 'transactions.csv');
    expect(runCli(['export', dir, '--section', 'transactions', '--out', csv]).status).toBe(0);
    const header = join(dir, 'filing.yaml');
    // the records now come from the CSV only
    const yaml = readFileSync(header, 'utf8');
    writeFileSync(header, yaml.replace(/^  records:\n(?: {4}.*\n)+/m, ''));
    const lines = readFileSync(csv, 'utf8').split('\r\n');
    // a bad date on the fifth record, and every kind of line end
    lines[5] = lines[5]!.replace(/,2024-\d\d-\d\d,/, ',2024-13-45,');
    const mixed = lines.map((l, i) => l + (i % 3 === 0 ? '\r\n' : i % 3 === 1 ? '\n' : '\r')).join('');
    writeFileSync(csv, mixed);
    const run = runCli(['validate', dir, '--format', 'json']);
    const found = JSON.parse(run.stdout).diagnostics.filter((d: { file?: string }) => d.file?.endsWith('transactions.csv'));
    expect(found.length, run.stdout).toBeGreaterThan(0);
    expect(
      found.every((d: { line: number }) => d.line === 6),
      JSON.stringify(found.map((d: { line: number; message: string }) => [d.line, d.message])),
    ).toBe(true);
  });
});

describe('outputs that are inputs, and outputs made at once', () => {
  it("refuses to write compare's report over the database it reads", () => {
    const dir = tempDir('taisei-hostile-');
    const db = join(dir, 'reg.html');
    writeFileSync(db, 'not yet a database');
    const before = readFileSync(db);
    const run = runCli(['compare', '--db', db, '--out', db]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('is what this command reads');
    expect(readFileSync(db).equals(before)).toBe(true);
  });

  it('lets one of six keygens at once into one folder make the key; the others say it exists', async () => {
    const dir = tempDir('taisei-hostile-');
    const { spawn } = await import('node:child_process');
    const runs = await Promise.all(
      Array.from(
        { length: 6 },
        () =>
          new Promise<{ status: number | null; stdout: string }>((done) => {
            const child = spawn(process.execPath, [join(ROOT, 'bin', 'taisei.js'), 'keygen', '--out', dir], { env: baseEnv() });
            let stdout = '';
            child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
            child.on('close', (status) => done({ status, stdout }));
          }),
      ),
    );
    const won = runs.filter((r) => r.status === 0);
    expect(won).toHaveLength(1);
    expect(runs.filter((r) => r.status === 2)).toHaveLength(5);
    // the key on disk is the winner's
    const { createHash, createPublicKey } = await import('node:crypto');
    const id = createHash('sha256')
      .update(createPublicKey(readFileSync(join(dir, 'taisei.pub.pem'))).export({ type: 'spki', format: 'der' }))
      .digest('hex');
    expect(won[0]!.stdout.trim()).toBe(id);
    expect(readdirSync(dir).sort()).toEqual(['taisei.key.pem', 'taisei.pub.pem']);
  });
});

describe('what build writes, its own verify accepts', () => {
  /** A copy of soden-13 with these attachments (file name → bytes) listed and written. */
  const withAttachments = (files: Record<string, string | Buffer>) => {
    const dir = join(tempDir('taisei-hostile-'), 'filing');
    cpSync(soden, dir, { recursive: true });
    mkdirSync(join(dir, 'attachments'), { recursive: true });
    const list = Object.keys(files)
      .map((file, i) => `  - id: att-${i}\n    title: 資料${i}\n    kind: other\n    file: ${JSON.stringify(`attachments/${file}`)}`)
      .join('\n');
    writeFileSync(
      join(dir, 'filing.yaml'),
      readFileSync(join(dir, 'filing.yaml'), 'utf8').replace('attachments: []', `attachments:\n${list}`),
    );
    for (const [file, data] of Object.entries(files)) writeFileSync(join(dir, 'attachments', file), data);
    return dir;
  };

  it('stores an attachment that deflates past what a reader takes for a zip bomb, and verifies the bundle', () => {
    const dir = withAttachments({ 'spaces.txt': ' '.repeat(1024 * 1024) });
    const out = tempDir('taisei-hostile-');
    expect(runCli(['build', dir, '--out', out]).status).toBe(0);
    const run = runCli(['verify', join(out, 'report-2024-submission.zip')]);
    expect(run.status, run.stdout).toBe(0);
  });

  it('refuses, before writing anything, names verify refuses and more files than it reads: exit 3, what to do, no trace', () => {
    const cases: [Record<string, string | Buffer>, RegExp][] = [
      [{ 'が.txt': 'a', ['が.txt'.normalize('NFD')]: 'b' }, /spelt two ways in Unicode/],
      [{ 'a\nb.txt': 'a' }, /control character/],
      [
        Object.fromEntries(Array.from({ length: 1001 }, (_, i) => [`f${i}.txt`, `${i}`])),
        /would hold 100\d files; verify reads at most 1000/,
      ],
    ];
    for (const [files, message] of cases) {
      const dir = withAttachments(files);
      const before = snapshot(dir);
      const out = join(tempDir('taisei-hostile-'), 'out');
      const run = runCli(['build', dir, '--out', out, '--lang', 'en']);
      expect(run.status, run.stderr).toBe(3);
      expect(run.stderr).toMatch(message);
      expect(run.stderr).toContain('fix:');
      noStackTrace(run.stderr);
      expect(existsSync(out)).toBe(false);
      expect(snapshot(dir)).toEqual(before);
    }
  }, 60_000);
});

describe('the environment a command runs in', () => {
  it('says a deleted working directory is gone (exit 3), and a full disk under standard output, without a trace', () => {
    const dir = join(tempDir('taisei-hostile-'), 'gone');
    mkdirSync(dir);
    const gone = spawnSync(
      'sh',
      [
        '-c',
        `cd "${dir}" && rmdir "${dir}" && exec "${process.execPath}" "${join(ROOT, 'bin', 'taisei.js')}" validate "${soden}" --lang en`,
      ],
      {
        encoding: 'utf8',
        env: baseEnv(),
      },
    );
    expect(gone.status, gone.stderr).toBe(3);
    expect(gone.stderr).toContain('the current directory no longer exists');
    noStackTrace(gone.stderr);
    const full = spawnSync(
      'sh',
      ['-c', `exec "${process.execPath}" "${join(ROOT, 'bin', 'taisei.js')}" validate "${soden}" -f json --lang ja > /dev/full`],
      {
        encoding: 'utf8',
        env: baseEnv(),
      },
    );
    expect(full.status, full.stderr).toBe(3);
    expect(full.stderr).toContain('出力を書き込めませんでした');
    noStackTrace(full.stderr);
  });
});

describe('init --from confines what it carries forward', () => {
  it('reads attachments as build does and writes them only inside the new filing, all or nothing', () => {
    const cases: [string, (path: string, root: string) => void, RegExp][] = [
      ['../../victim.txt', () => undefined, /outside the filing directory/],
      ['attachments/passwd.txt', (path) => symlinkSync('/etc/passwd', path), /outside the filing directory/],
      ['attachments/zero.bin', (path) => symlinkSync('/dev/zero', path), /outside the filing directory/],
      ['attachments/pipe.pdf', (path) => execFileSync('mkfifo', [path]), /not a regular file/],
      ['attachments/folder.pdf', (path) => mkdirSync(path), /not a regular file/],
    ];
    for (const [file, make, message] of cases) {
      const old = filingWithAttachment(file, (path) => {
        mkdirSync(join(path, '..'), { recursive: true });
        make(path, '');
      });
      const victim = join(old, '..', '..', 'victim.txt');
      writeFileSync(victim, 'untouched');
      const before = snapshot(join(old, '..'));
      const target = join(tempDir('taisei-hostile-'), 'next');
      const run = runCli(['init', target, '--from', old, '--fiscal-year', '2025', '--lang', 'en']);
      expect(run.status, `${file}: ${run.stderr}`).toBe(3);
      expect(run.stderr, file).toMatch(message);
      noStackTrace(run.stderr);
      expect(existsSync(target) ? readdirSync(target) : [], file).toEqual([]);
      expect(readFileSync(victim, 'utf8')).toBe('untouched');
      expect(snapshot(join(old, '..')), file).toEqual(before);
    }
  }, 60_000);
});

describe("the public edition's changes from last year", () => {
  it('say of a withheld value only that it changed, never its value or its shape, and nothing of one that did not', () => {
    const last = tempDir('taisei-hostile-');
    expect(runCli(['build', join(EXAMPLES, 'ippan-15'), '--out', last]).status).toBe(0);
    const now = join(tempDir('taisei-hostile-'), 'filing');
    cpSync(join(EXAMPLES, 'ippan-15'), now, { recursive: true });
    const organisation = join(now, 'organisation.yaml');
    writeFileSync(organisation, readFileSync(organisation, 'utf8').replace('name: 宮下 健太郎', 'name: 宮下 健一'));
    const out = tempDir('taisei-hostile-');
    const run = runCli(['build', now, '--out', out, '--edition', 'public', '--compare-with', join(last, 'report-2024-submission.zip')]);
    expect(run.status, run.stderr).toBe(0);
    const zip = readFileSync(join(out, 'report-2024-public.zip'));
    const diff = readEntry(
      zip,
      readDirectory(zip).find((e) => e.name === 'diff.json')!,
    ).toString('utf8');
    const parsed = JSON.parse(diff) as {
      sections: { fields: { path: string; old: unknown; new: unknown }[]; lists: { entries: unknown[] }[] }[];
    };
    const changed = parsed.sections.flatMap((s) => s.fields);
    // the one change, and none of the unchanged withheld values (every system's host, the contact's name)
    expect(changed).toEqual([{ path: 'organisation.informationManager.name', old: { $withheld: true }, new: { $withheld: true } }]);
    expect(parsed.sections.flatMap((s) => s.lists.flatMap((l) => l.entries))).toEqual([]);
    expect(diff).not.toMatch(/健一|健太郎|paragraphs|chars|\$sealed/);
  });
});
