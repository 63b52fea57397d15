// The regulator's side: ingest verifies each bundle and loads it in one transaction; compare reads the
// current filing of each filer and year back out as xlsx, csv or html.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSqlite } from '../src/regulator/sqlite.js';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, EXAMPLES, ROOT, previousYearOf, runCli, tempDir, baseEnv } from './helpers.js';

let dir: string;
const bundles: Record<'current' | 'public' | 'amended' | 'previous' | 'signed', string> = {
  current: '',
  public: '',
  amended: '',
  previous: '',
  signed: '',
};

function build(source: string, out: string, ...extra: string[]): void {
  const run = runCli(['build', source, '--out', out, ...extra]);
  expect(run.status, run.stderr).toBe(0);
}

beforeAll(() => {
  dir = tempDir('taisei-regulator-');
  build(join(EXAMPLES, 'ippan-15'), join(dir, 'current'), '--edition', 'both');
  bundles.current = join(dir, 'current', 'report-2024-submission.zip');
  bundles.public = join(dir, 'current', 'report-2024-public.zip');

  // an amendment: the same filer and year, one training's participants corrected
  const amended = join(dir, 'amended-src');
  cpSync(join(EXAMPLES, 'ippan-15'), amended, { recursive: true });
  const trainings = readFileSync(join(amended, 'trainings.yaml'), 'utf8');
  expect(trainings).toContain('participants: 4788');
  writeFileSync(join(amended, 'trainings.yaml'), trainings.replace('participants: 4788', 'participants: 4700'));
  build(amended, join(dir, 'amended'));
  bundles.amended = join(dir, 'amended', 'report-2024-submission.zip');

  // the filer's previous year: the same facts (their dates stay in 2024, so the date rules are off)
  const previous = previousYearOf(join(dir, 'previous-src'));
  build(previous, join(dir, 'previous'));
  bundles.previous = join(dir, 'previous', 'report-2023-submission.zip');

  expect(runCli(['keygen', '--out', join(dir, 'keys')]).status).toBe(0);
  build(join(EXAMPLES, 'soden-13'), join(dir, 'signed'), '--sign', join(dir, 'keys', 'taisei.key.pem'));
  bundles.signed = join(dir, 'signed', 'report-2024-submission.zip');
}, 120_000);

const open = (db: string) => openSqlite(db, { mustExist: true, readOnly: true });
const count = (db: string, sql: string, ...args: unknown[]) => {
  const conn = open(db);
  try {
    return (conn.prepare(sql).get(...args) as { n: number }).n;
  } finally {
    conn.close();
  }
};

describe('taisei ingest', () => {
  it('creates the database, loads every fact section and tells what it did', () => {
    const db = join(tempDir(), 'regulator.sqlite');
    const run = runCli(['ingest', '--db', db, bundles.current]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain(`ingested ${bundles.current}`);
    const conn = open(db);
    const bundle = conn.prepare('SELECT * FROM bundles').all() as {
      filer_name: string;
      fiscal_year: number;
      current: number;
      profile: string;
    }[];
    expect(bundle).toMatchObject([{ filer_name: '東雲電力送配電株式会社', fiscal_year: 2024, current: 1, profile: 'ippan-15' }]);
    // every table holds exactly the facts of the stored canonical filing
    const stored = JSON.parse((conn.prepare('SELECT filing FROM filings').get() as { filing: string }).filing).filing;
    const n = (table: string) => (conn.prepare(`SELECT COUNT(*) n FROM ${table}`).get() as { n: number }).n;
    expect(n('systems')).toBe(stored.systems.length);
    expect(n('log_reviews')).toBe(stored.logReviews.length);
    expect(n('trainings')).toBe(stored.trainings.length);
    expect(n('transactions')).toBe(stored.transactions.records.length);
    expect(n('findings')).toBe(stored.compliance.findings.length + stored.monitoring.findings.length);
    expect(n('officers')).toBe(2);
    const manager = conn.prepare("SELECT name, position FROM officers WHERE role = 'informationManager'").get() as {
      name: string;
      position: string;
    };
    expect(manager.name).toBe(stored.organisation.informationManager.name);
    expect(n('transactions')).toBeGreaterThan(100);
    expect((conn.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check).toBe('ok');
    conn.close();
  });

  it('changes nothing when the same bundle comes again', () => {
    const db = join(tempDir(), 'regulator.sqlite');
    expect(runCli(['ingest', '--db', db, bundles.current]).status).toBe(0);
    const before = count(db, 'SELECT COUNT(*) n FROM transactions');
    const again = runCli(['ingest', '--db', db, bundles.current]);
    expect(again.status).toBe(0);
    expect(again.stderr).toContain('already in the database');
    expect(count(db, 'SELECT COUNT(*) n FROM bundles')).toBe(1);
    expect(count(db, 'SELECT COUNT(*) n FROM transactions')).toBe(before);
  });

  it('makes a later bundle for the same filer and year current and keeps the earlier one', () => {
    const db = join(tempDir(), 'regulator.sqlite');
    expect(runCli(['ingest', '--db', db, bundles.current]).status).toBe(0);
    const run = runCli(['ingest', '--db', db, bundles.amended]);
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('an amendment');
    const conn = open(db);
    const rows = conn
      .prepare(
        'SELECT seq, current, (SELECT SUM(participants) FROM trainings t WHERE t.bundle = b.hash) participants FROM bundles b ORDER BY seq',
      )
      .all() as { seq: number; current: number; participants: number }[];
    conn.close();
    expect(rows.map((r) => r.current)).toEqual([0, 1]);
    expect(rows[0]!.participants - rows[1]!.participants).toBe(88);
    const both = runCli(['ingest', '--db', db, bundles.current, bundles.previous]);
    expect(both.stderr).toContain(`${db}: 1 ingested, 0 amendments, 1 already there, 0 rejected`);
  });

  it('rejects a tampered bundle with its reasons and stores nothing of it', () => {
    const db = join(tempDir(), 'regulator.sqlite');
    const tampered = join(tempDir(), 'tampered.zip');
    const zip = readFileSync(bundles.current);
    zip[2000] = zip[2000]! ^ 0xff;
    writeFileSync(tampered, zip);
    const run = runCli(['ingest', '--db', db, tampered, '--format', 'json']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('nothing of it was stored');
    expect(JSON.parse(run.stdout).diagnostics[0]).toMatchObject({ code: 'bundle/unsafe', severity: 'error' });
    for (const table of ['bundles', 'systems', 'transactions', 'filings']) expect(count(db, `SELECT COUNT(*) n FROM ${table}`)).toBe(0);
  });

  it('ingests a report PDF by the filing it carries; its bundle after it changes nothing', () => {
    const db = join(tempDir(), 'regulator.sqlite');
    const pdf = bundles.current.replace(/\.zip$/, '.pdf');
    const run = runCli(['ingest', '--db', db, pdf]);
    expect(run.status, run.stderr + run.stdout).toBe(0);
    expect(run.stderr).toContain(`ingested ${pdf}`);
    expect(count(db, 'SELECT COUNT(*) n FROM bundles')).toBe(1);
    expect(count(db, 'SELECT COUNT(*) n FROM transactions')).toBeGreaterThan(100);
    expect(count(db, "SELECT COUNT(*) n FROM assessment WHERE area = 'overall'")).toBe(1);
    expect(count(db, "SELECT COUNT(*) n FROM bundles WHERE generator_version = '0.1.0' AND signed = 0")).toBe(1);
    // the same build's bundle carries the same filing.json: nothing new
    const zip = runCli(['ingest', '--db', db, bundles.current]);
    expect(zip.status).toBe(0);
    expect(zip.stderr).toContain('already in the database');
    expect(count(db, 'SELECT COUNT(*) n FROM bundles')).toBe(1);
    // a PDF is never signed: a signature policy refuses it
    const db2 = join(tempDir(), 'regulator.sqlite');
    const strict = runCli(['ingest', '--db', db2, '--require-signature', '--keys', join(dir, 'keys'), pdf, '--format', 'json']);
    expect(strict.status).toBe(1);
    expect(JSON.parse(strict.stdout).diagnostics.map((d: { code: string }) => d.code)).toContain('pdf/unsigned');
  });

  it('rejects a report PDF whose carried filing was altered, and stores nothing of it', () => {
    const db = join(tempDir(), 'regulator.sqlite');
    const pdf = readFileSync(bundles.current.replace(/\.zip$/, '.pdf'));
    // the embedded filing.json's stream, one byte of its compressed data flipped
    const at = pdf.indexOf('/Type /EmbeddedFile');
    const data = pdf.indexOf('stream\n', at) + 7;
    pdf[data + 100] = pdf[data + 100]! ^ 0x01;
    const tampered = join(tempDir(), 'report.pdf');
    writeFileSync(tampered, pdf);
    const run = runCli(['ingest', '--db', db, tampered, '--format', 'json']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('nothing of it was stored');
    const found = JSON.parse(run.stdout).diagnostics.map((d: { code: string }) => d.code);
    expect(
      found.some((c: string) => c === 'pdf/embedded-altered' || c === 'pdf/unreadable'),
      found.join(),
    ).toBe(true);
    expect(count(db, 'SELECT COUNT(*) n FROM bundles')).toBe(0);
  });

  it('applies the signature policy with the trusted keys given', () => {
    const db = join(tempDir(), 'regulator.sqlite');
    const unsigned = runCli(['ingest', '--db', db, '--require-signature', '--keys', join(dir, 'keys'), bundles.current]);
    expect(unsigned.status).toBe(1);
    expect(count(db, 'SELECT COUNT(*) n FROM bundles')).toBe(0);
    const signed = runCli(['ingest', '--db', db, '--require-signature', '--keys', join(dir, 'keys'), bundles.signed]);
    expect(signed.status, signed.stdout + signed.stderr).toBe(0);
    expect(count(db, 'SELECT signed n FROM bundles')).toBe(1);
    // a key the regulator does not trust
    const otherKeys = tempDir();
    expect(runCli(['keygen', '--out', otherKeys]).status).toBe(0);
    const db2 = join(tempDir(), 'regulator.sqlite');
    expect(runCli(['ingest', '--db', db2, '--require-signature', '--keys', otherKeys, bundles.signed]).status).toBe(1);
    expect(count(db2, 'SELECT COUNT(*) n FROM bundles')).toBe(0);
  });

  it('stores what the public edition withheld as null', () => {
    const db = join(tempDir(), 'regulator.sqlite');
    expect(runCli(['ingest', '--db', db, bundles.public]).status).toBe(0);
    // individuals' names are withheld by default: null, not the marker object's text
    expect(count(db, 'SELECT COUNT(*) n FROM officers WHERE name IS NULL')).toBe(2);
    expect(count(db, "SELECT COUNT(*) n FROM officers WHERE title LIKE '%情報管理%'")).toBe(1);
    expect(count(db, "SELECT COUNT(*) n FROM bundles WHERE edition = 'public'")).toBe(1);
  });

  it('refuses a database written by a newer taisei, and a file that is not its database', () => {
    const db = join(tempDir(), 'regulator.sqlite');
    expect(runCli(['ingest', '--db', db, bundles.current]).status).toBe(0);
    const conn = openSqlite(db, { mustExist: true });
    conn.prepare("UPDATE meta SET value = '99' WHERE key = 'schema_version'").run();
    conn.close();
    const run = runCli(['ingest', '--db', db, bundles.amended]);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain('newer taisei');
    expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
    expect(count(db, 'SELECT COUNT(*) n FROM bundles')).toBe(1);
    const ja = runCli(['compare', '--db', db, '--out', join(tempDir(), 'x.csv')], { env: { LANG: 'ja_JP.UTF-8' } });
    expect(ja.status).toBe(3);
    expect(ja.stderr).toContain('新しい版の taisei');

    const notOurs = runCli(['ingest', '--db', join(ROOT, 'package.json'), bundles.current]);
    expect(notOurs.status).toBe(3);
    expect(notOurs.stderr).toContain('is not a taisei database');
    const noBundle = runCli(['ingest', '--db', join(tempDir(), 'r.sqlite'), join(tempDir(), 'nothing.zip')]);
    expect(noBundle.status).toBe(3);
    expect(noBundle.stderr).toContain('a bundle is the .zip file');
    const missing = runCli(['compare', '--db', join(tempDir(), 'none.sqlite'), '--out', join(tempDir(), 'x.csv')]);
    expect(missing.status).toBe(3);
    expect(missing.stderr).toContain('taisei ingest --db');
  });

  it('leaves the database as it was before a bundle when the process is killed mid-ingest', async () => {
    const all = [bundles.current, bundles.amended, bundles.previous, bundles.public, bundles.signed];
    const env = baseEnv();
    // Kill a fresh run at later and later moments until one finishes by itself: whatever was
    // committed must be whole, the rest absent, and the database sound.
    let partial = 0;
    let db = '';
    for (let delay = 40; delay < 5000; delay += 15) {
      db = join(tempDir(), 'regulator.sqlite');
      const killed = await new Promise<boolean>((resolve) => {
        const child = spawn(process.execPath, [BIN, 'ingest', '--db', db, ...all], { stdio: 'ignore', env });
        const timer = setTimeout(() => child.kill('SIGKILL'), delay);
        child.on('exit', (_code, signal) => {
          clearTimeout(timer);
          resolve(signal === 'SIGKILL');
        });
      });
      if (!existsSync(db)) continue;
      // read-write: after a kill, SQLite recovers the write-ahead log on the next open, and a
      // read-only connection cannot ("attempt to write a readonly database")
      const conn = openSqlite(db, { mustExist: true });
      try {
        expect((conn.prepare('PRAGMA integrity_check').get() as { integrity_check: string }).integrity_check).toBe('ok');
        const stored = conn.prepare("SELECT name FROM sqlite_master WHERE name = 'bundles'").get()
          ? (conn.prepare('SELECT b.hash, f.filing FROM bundles b LEFT JOIN filings f ON f.bundle = b.hash').all() as {
              hash: string;
              filing: string | null;
            }[])
          : [];
        for (const { hash, filing } of stored) {
          expect(filing, `bundle ${hash} lost its filing`).not.toBeNull();
          const facts = JSON.parse(filing!).filing;
          expect((conn.prepare('SELECT COUNT(*) n FROM transactions WHERE bundle = ?').get(hash) as { n: number }).n).toBe(
            facts.transactions?.records?.length ?? 0,
          );
          expect((conn.prepare('SELECT COUNT(*) n FROM systems WHERE bundle = ?').get(hash) as { n: number }).n).toBe(facts.systems.length);
        }
        if (stored.length > 0) {
          // no rows of a bundle that did not commit; at most one current bundle per filer, year and edition
          expect(
            (conn.prepare('SELECT COUNT(*) n FROM transactions WHERE bundle NOT IN (SELECT hash FROM bundles)').get() as { n: number }).n,
          ).toBe(0);
          expect(
            (
              conn
                .prepare(
                  'SELECT COUNT(*) n FROM (SELECT 1 FROM bundles WHERE current = 1 GROUP BY filer_number, fiscal_year, edition HAVING COUNT(*) > 1)',
                )
                .get() as { n: number }
            ).n,
          ).toBe(0);
        }
        if (killed && stored.length > 0 && stored.length < all.length) partial++;
        if (!killed) {
          expect(stored).toHaveLength(all.length);
          break;
        }
      } finally {
        conn.close();
      }
    }
    // the kills did land mid-run, between bundles or inside one
    expect(partial).toBeGreaterThan(0);
    // and a later run completes what a killed one left
    expect(runCli(['ingest', '--db', db, ...all]).status).toBe(0);
    expect(count(db, 'SELECT COUNT(*) n FROM bundles')).toBe(all.length);
  }, 120_000);
});

describe('taisei compare', () => {
  let db: string;
  beforeAll(() => {
    db = join(tempDir(), 'regulator.sqlite');
    const run = runCli(['ingest', '--db', db, bundles.previous, bundles.current, bundles.public, bundles.amended, bundles.signed]);
    expect(run.status, run.stderr).toBe(0);
  });

  // RFC 4180 fields: a header such as "Readiness: Information, communication and IT governance" is quoted
  const csvRows = (path: string) =>
    readFileSync(path, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n')
      .map((line) => [...line.matchAll(/(?:^|,)("(?:[^"]|"")*"|[^,]*)/g)].map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"')));

  it('writes one row per filer and year from the current submission bundle, with the change on last year', () => {
    const out = join(tempDir(), 'report.csv');
    const run = runCli(['compare', '--db', db, '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    const bytes = readFileSync(out);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, ...rows] = csvRows(out);
    const col = (name: string) => header!.indexOf(name);
    expect(rows).toHaveLength(3);
    const shinonome = rows.filter((r) => r[col('filer')] === '東雲電力送配電株式会社');
    expect(shinonome.map((r) => r[col('fiscal year')])).toEqual(['2023', '2024']);
    const [y2023, y2024] = shinonome;
    expect(y2024![col('edition')]).toBe('submission edition');
    // the amendment is what is compared: its participants are 88 fewer
    const current = count(
      db,
      "SELECT SUM(participants) n FROM trainings t JOIN bundles b ON b.hash = t.bundle WHERE b.current = 1 AND b.edition = 'submission' AND b.fiscal_year = 2024 AND b.profile = 'ippan-15'",
    );
    const targeted = count(
      db,
      "SELECT SUM(targeted) n FROM trainings t JOIN bundles b ON b.hash = t.bundle WHERE b.current = 1 AND b.edition = 'submission' AND b.fiscal_year = 2024 AND b.profile = 'ippan-15'",
    );
    expect(Number(y2024![col('completion rate (%)')])).toBe(Math.round((current / targeted) * 1000) / 10);
    expect(y2023![col('Δ systems')]).toBe('');
    const delta = Number(y2024![col('Δ completion rate (points)')]);
    expect(delta).toBeLessThan(0);
    expect(Number(y2024![col('systems holding 非公開情報')])).toBeGreaterThan(0);
    expect(y2024![col('Δ systems')]).toBe('0');
    // the internal-control column group: the example's score, the period it missed, by area
    expect(y2024![col('Internal control: readiness')]).toBe('88.1');
    expect(y2024![col('Internal control: recurring periods missed')]).toBe('1');
    expect(y2024![col('Internal control: overdue measures')]).toBe('0');
    expect(y2024![col('Internal control: ★ items not addressed')]).toBe('0');
    expect(y2024![col('Readiness: Information, communication and IT governance')]).toBe('46.7');
    // the 2023 copy has the same plan, but its measures start in April 2024: no period was due in
    // 2023, so its readiness is coverage and evidence alone, (50 × 82.4 + 30 × 94.1) / 80 = 86.8
    expect(y2023![col('Internal control: readiness')]).toBe('86.8');
    expect(y2024![col('Δ readiness (points)')]).toBe('1.3');
    const soden = rows.find((r) => r[col('filer')] === '北灘送電株式会社')!;
    expect(Number(soden[col('Internal control: readiness')])).toBeGreaterThan(0);
    expect(soden[col('Internal control: ★ items not addressed')]).toBe('0');
  });

  it('stores the score and the plan where SQL can reach them', () => {
    const readiness = count(
      db,
      "SELECT a.readiness n FROM assessment a JOIN bundles b ON b.hash = a.bundle WHERE b.current = 1 AND b.edition = 'submission' AND b.fiscal_year = 2024 AND b.profile = 'ippan-15' AND a.area = 'overall'",
    );
    expect(readiness).toBe(88.1);
    const missed = count(
      db,
      "SELECT p.missed n FROM plan_measures p JOIN bundles b ON b.hash = p.bundle WHERE b.current = 1 AND b.edition = 'submission' AND b.fiscal_year = 2024 AND b.profile = 'ippan-15' AND p.id = 'IP-03'",
    );
    expect(missed).toBe(1);
  });

  it('filters by fiscal year', () => {
    const out = join(tempDir(), 'report.csv');
    expect(runCli(['compare', '--db', db, '--out', out, '--fiscal-year', '2023']).status).toBe(0);
    const [, ...rows] = csvRows(out);
    expect(rows).toHaveLength(1);
  });

  it('writes an xlsx with a frozen header, filters and Japanese headers on a Japanese locale', async () => {
    const out = join(tempDir(), 'report.xlsx');
    const run = runCli(['compare', '--db', db, '--out', out], { env: { LANG: 'ja_JP.UTF-8' } });
    expect(run.status, run.stderr).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    expect(sheet.getRow(1).getCell(1).value).toBe('提出者');
    // enum values read as the schema describes them
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const values = sheet.getColumn(header.indexOf('版')).values.map(String);
    expect(values).toContain('提出版');
    expect(sheet.getColumn(header.indexOf('情報管理責任者の地位')).values.map(String)).toContain('取締役');
    expect(sheet.rowCount).toBe(4);
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(10);
    // the internal-control column group: shaded headers; the details fold, the headline does not
    const readiness = header.indexOf('内部統制: 準備度');
    const byArea = header.indexOf('準備度: 情報と伝達／ITガバナンス');
    expect(sheet.getColumn(byArea).values.map(String)).toContain('46.7');
    expect((sheet.getRow(1).getCell(readiness).fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe('FFDDE8F3');
    expect(sheet.getColumn(byArea).outlineLevel).toBe(1);
    expect(sheet.getColumn(readiness).outlineLevel ?? 0).toBe(0);
    expect((sheet.getRow(1).getCell(1).fill as { fgColor?: unknown } | undefined)?.fgColor).toBeUndefined();
    // deterministic: the same database gives the same bytes, also in another second (zip times
    // have a two-second resolution)
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2100);
    const again = join(tempDir(), 'report.xlsx');
    expect(runCli(['compare', '--db', db, '--out', again], { env: { LANG: 'ja_JP.UTF-8' } }).status).toBe(0);
    expect(readFileSync(again).equals(readFileSync(out))).toBe(true);
  });

  it('writes a self-contained, sortable html page', () => {
    const out = join(tempDir(), 'report.html');
    expect(runCli(['compare', '--db', db, '--out', out]).status).toBe(0);
    const html = readFileSync(out, 'utf8');
    expect(html).not.toMatch(/<(link|img)\b|src=|https?:\/\//);
    expect(html.match(/<tr>/g)).toHaveLength(4);
    expect(html).toContain('aria-sort');
    expect(html).toContain('@media print');
    expect(html).toContain('北灘送電株式会社');
  });

  it('refuses an output it cannot write as a usage error and leaves no file', () => {
    const out = join(tempDir(), 'report.txt');
    const run = runCli(['compare', '--db', db, '--out', out]);
    expect(run.status).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(join(out, '..'))).toEqual([]);
  });
});

describe('the SQLite underneath', () => {
  it("is Node's own node:sqlite from Node 22.13 on, better-sqlite3 before, and says so in no warning", () => {
    const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
    const conn = openSqlite(':memory:', { mustExist: false });
    try {
      expect(conn.driver).toBe(major > 22 || (major === 22 && minor >= 13) ? 'node:sqlite' : 'better-sqlite3');
      conn.exec('CREATE TABLE t (a TEXT, b INTEGER)');
      expect(conn.transaction(() => conn.prepare('INSERT INTO t VALUES (?, ?)').run('x', 1).changes)).toBe(1);
      expect(() =>
        conn.transaction(() => {
          conn.prepare('INSERT INTO t VALUES (?, ?)').run('y', 2);
          throw new Error('stop');
        }),
      ).toThrow('stop');
      expect(conn.prepare('SELECT a, b FROM t').all()).toEqual([{ a: 'x', b: 1 }]);
    } finally {
      conn.close();
    }
    const run = runCli(['compare', '--db', join(tempDir(), 'none.sqlite'), '--out', join(tempDir(), 'x.csv')]);
    expect(run.stderr).not.toMatch(/ExperimentalWarning|SQLite is an experimental/);
  });
});
