// The second document kind: the progress report of the separation and improvement plans (build
// --document progress). Both examples' reports, in both editions, are built, read as text and as
// positioned runs, verified, ingested and compared.
import { createHash } from 'node:crypto';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ProgressData } from '../src/assessment/progress.js';
import { readDirectory, readEntry, writeZip } from '../src/bundle/zip.js';
import { NO_LINE_START } from '../src/render/compose.js';
import { wareki } from '../src/render/wareki.js';
import { openSqlite } from '../src/regulator/sqlite.js';
import { EXAMPLES, runCli, tempDir } from './helpers.js';
import { characterSpacings, compact, readPdf, textRuns, type PdfContent, type Run } from './pdf-helpers.js';

const examples = ['ippan-15', 'soden-13'] as const;
const editions = ['submission', 'public'] as const;
type Example = (typeof examples)[number];
type Edition = (typeof editions)[number];

let out: string;
const pdf: Record<string, Buffer> = {};
const text: Record<string, PdfContent> = {};
const data: Record<string, ProgressData> = {};
const key = (example: Example, edition: Edition) => `${example} ${edition}`;
const file = (example: Example, edition: Edition, ext: 'pdf' | 'zip', asOf = '2025-03-31') =>
  join(out, example, `progress-${asOf}-${edition}.${ext}`);

/** progress.json as a bundle carries it. */
const progressOfBundle = (zip: string): ProgressData => {
  const bytes = readFileSync(zip);
  return JSON.parse(
    readEntry(
      bytes,
      readDirectory(bytes).find((e) => e.name === 'progress.json')!,
    ).toString('utf8'),
  );
};

beforeAll(async () => {
  out = tempDir('taisei-progress-');
  await Promise.all(
    examples.map(async (example) => {
      const run = runCli([
        'build',
        join(EXAMPLES, example),
        '--document',
        'progress',
        '--as-of',
        '2025-03-31',
        '-e',
        'both',
        '-o',
        join(out, example),
      ]);
      expect(run.status, run.stderr + run.stdout).toBe(0);
      for (const edition of editions) {
        pdf[key(example, edition)] = readFileSync(file(example, edition, 'pdf'));
        text[key(example, edition)] = await readPdf(pdf[key(example, edition)]!);
        data[key(example, edition)] = progressOfBundle(file(example, edition, 'zip'));
      }
    }),
  );
}, 120_000);

describe('build --document progress', () => {
  it('writes a formal report: addressed as the filing is, dated in 和暦, titled, with its 別紙 of three parts', () => {
    for (const example of examples)
      for (const edition of editions) {
        const { compact: all, pages, outline, info } = text[key(example, edition)]!;
        // a 一般送配電事業者 reports on the plan the orders asked of it; a 送電事業者 on its own plans
        const what = example === 'ippan-15' ? '業務改善計画の進捗状況' : '共用解消の計画等の進捗状況';
        expect(all).toContain(`${what}について（報告）`);
        expect(compact(pages[0]!)).toContain(compact(wareki('2025-03-31')));
        expect(compact(pages[0]!)).toContain('経済産業大臣殿');
        expect(all).toContain(`別紙${what}（令和7年3月31日現在）`);
        expect(all).toContain('対象期間令和6年10月1日から令和7年3月31日まで');
        for (const part of ['1概要', '2共用解消の計画の進捗', '3内部統制の強化策の進捗']) expect(all).toContain(part);
        expect(outline).toEqual([
          '表紙',
          `別紙　${what}（令和7年3月31日現在）`,
          '1　概要',
          '2　共用解消の計画の進捗',
          '3　内部統制の強化策の進捗',
        ]);
        expect(String(info.Title)).toContain(what);
        // the same pages in both editions
        expect(pages.length).toBe(text[key(example, 'submission')]!.pages.length);
      }
    // a 一般送配電事業者 reports under the orders; a 送電事業者 in its own words, citing no orders made to another
    expect(text['ippan-15 submission']!.compact).toContain('令和5年4月17日付けの業務改善命令等に基づき');
    expect(text['soden-13 submission']!.compact).not.toMatch(/業務改善命令|命令等/);
    expect(text['soden-13 submission']!.compact).not.toMatch(/託送/);
  });

  it('judges each plan as of the date: a separated system, a late milestone with its note, a revision with its reason, a late measure', () => {
    const ippan = data['ippan-15 submission']!;
    expect(ippan.period).toEqual({ from: '2024-10-01', to: '2025-03-31' });
    expect(ippan.systems.map((s) => [s.id, s.status, s.daysToHorizon])).toEqual([
      ['SYS-21', 'separated', null],
      ['SYS-22', 'late', 382],
      ['SYS-23', 'on-track', 382],
    ]);
    expect(ippan.systems[1]!.late.map((m) => m.description)).toEqual(['移行手順の検証（リハーサル）']);
    expect(ippan.summary).toMatchObject({ systems: 3, separated: 1, onTrack: 1, late: 1, measures: 8, measuresLate: 1 });
    expect(ippan.measures.filter((m) => m.verdict === 'late').map((m) => [m.id, m.windows.filter((w) => !w.met)])).toEqual([
      ['IP-03', [{ from: '2024-10', to: '2025-03', met: false }]],
    ]);
    const soden = data['soden-13 submission']!;
    expect(soden.systems.map((s) => [s.id, s.status, s.beyondHorizon, s.reason !== null])).toEqual([['TS-06', 'late', true, true]]);
    expect(soden.measures.filter((m) => m.verdict === 'late').map((m) => m.id)).toEqual(['IP-04']);
    // printed: the note of the late milestone, the reason of the revision, the late measure's note and missed period
    const printed = text['ippan-15 submission']!.compact;
    expect(printed).toContain(compact('遅れの理由・見込み：新サーバの試験で処理性能の不足が見つかり'));
    expect(printed).toContain(compact('帳票の様式変更への対応を移行前に終えるため'));
    expect(printed).toContain(compact('令和6年10月〜令和7年3月の実施の記録がない。'));
    expect(printed).toContain(compact('確認 LR-050'));
    // the verdict as of the date over the measure's own status
    expect(printed).toContain(compact('遅れ（継続実施中）'));
    expect(text['soden-13 submission']!.compact).toContain(compact('令和8年9月30日（あと548日）　約3年の目安より後'));
  });

  it('judges an earlier as-of date by the dates of the facts: a system separated later is still shared then', () => {
    const run = runCli([
      'build',
      join(EXAMPLES, 'ippan-15'),
      '--document',
      'progress',
      '--as-of',
      '2024-09-30',
      '-o',
      join(out, 'earlier'),
    ]);
    expect(run.status, run.stderr).toBe(0);
    const earlier = progressOfBundle(join(out, 'earlier', 'progress-2024-09-30-submission.zip'));
    expect(earlier.period).toEqual({ from: '2024-04-01', to: '2024-09-30' });
    expect(earlier.systems.map((s) => [s.id, s.status, s.level])).toEqual([
      ['SYS-21', 'on-track', null],
      ['SYS-22', 'on-track', 'hardware'],
      ['SYS-23', 'on-track', 'hardware'],
    ]);
    expect(earlier.systems[0]!.done.map((m) => m.completed)).toEqual(['2024-08-23']);
    expect(earlier.timeline.at(-1)).toEqual({ date: '2024-09-30', shared: 3, separated: 0 });
    expect(data['ippan-15 submission']!.timeline.at(-1)).toEqual({ date: '2025-03-31', shared: 2, separated: 1 });
  });

  it('withholds in the public edition what the filing withholds: a name marked !withhold prints as a bar, nowhere as text', async () => {
    const source = join(tempDir('taisei-progress-'), 'ippan');
    cpSync(join(EXAMPLES, 'ippan-15'), source, { recursive: true });
    const systems = join(source, 'systems.yaml');
    writeFileSync(systems, readFileSync(systems, 'utf8').replace('name: 統合帳票出力基盤', 'name: !withhold 統合帳票出力基盤'));
    const run = runCli(['build', source, '--document', 'progress', '--as-of', '2025-03-31', '-e', 'both', '-o', join(source, 'out')]);
    expect(run.status, run.stderr).toBe(0);
    const open = await readPdf(readFileSync(join(source, 'out', 'progress-2025-03-31-public.pdf')));
    const submitted = await readPdf(readFileSync(join(source, 'out', 'progress-2025-03-31-submission.pdf')));
    expect(submitted.compact).toContain('統合帳票出力基盤');
    expect(open.compact).not.toContain('統合帳票出力基盤');
    expect(open.compact).toContain('SYS-23■■■■■■■■');
    expect(open.pages.length).toBe(submitted.pages.length);
    const carried = progressOfBundle(join(source, 'out', 'progress-2025-03-31-public.zip'));
    expect(carried.systems.find((s) => s.id === 'SYS-23')!.name).toEqual({ $withheld: true });
    expect(runCli(['verify', join(source, 'out', 'progress-2025-03-31-public.zip')]).status).toBe(0);
  });

  it('is byte for byte the same when built again', () => {
    const again = join(out, 'again');
    expect(runCli(['build', join(EXAMPLES, 'soden-13'), '--document', 'progress', '--as-of', '2025-03-31', '-o', again]).status).toBe(0);
    expect(readFileSync(join(again, 'progress-2025-03-31-submission.pdf')).equals(pdf['soden-13 submission']!)).toBe(true);
    expect(
      readFileSync(join(again, 'progress-2025-03-31-submission.zip')).equals(readFileSync(file('soden-13', 'submission', 'zip'))),
    ).toBe(true);
  });

  it.each([
    [['--document', 'progress'], '--as-of'],
    [['--as-of', '2025-03-31'], '--document progress'],
    [['--document', 'progress', '--as-of', '2025-02-30'], 'YYYY-MM-DD'],
    [['--document', 'progress', '--as-of', '2025-03-31', '--from', '2025-04-01'], '--from'],
    [['--document', 'progress', '--as-of', '2025-03-31', '--compare-with', EXAMPLES], '--compare-with'],
    [['--document', 'progres', '--as-of', '2025-03-31'], 'did you mean "progress"?'],
  ])('refuses %j as a usage error that says what to do (exit 2), writing nothing', (args, says) => {
    const dir = join(tempDir('taisei-progress-'), 'out');
    const run = runCli(['build', join(EXAMPLES, 'soden-13'), ...args, '-o', dir, '--lang', 'en']);
    expect(run.status, run.stderr).toBe(2);
    expect(run.stderr).toContain(says);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });
});

/** Each page's lines: runs on one baseline, left to right. */
function lines(pages: Run[][]): { page: number; text: string }[] {
  return pages.flatMap((runs, p) => {
    const byLine = new Map<number, Run[]>();
    for (const run of runs) {
      const y = [...byLine.keys()].find((k) => Math.abs(k - run.y) < 0.5) ?? run.y;
      byLine.set(y, [...(byLine.get(y) ?? []), run]);
    }
    return [...byLine.values()].map((line) => ({
      page: p + 1,
      text: line
        .sort((a, b) => a.x - b.x)
        .map((r) => r.text)
        .join(''),
    }));
  });
}

describe("the progress report's typesetting, as the annual filing's", () => {
  it.each(examples.flatMap((e) => editions.map((ed) => [e, ed] as const)))(
    '%s (%s): no 禁則 breach, no stretched line, no split date',
    async (example, edition) => {
      const bytes = pdf[key(example, edition)]!;
      const pages = await textRuns(bytes);
      let starts = 0;
      pages.forEach((runs, p) => {
        for (const run of runs) {
          const continues = runs.some((o) => o !== run && Math.abs(o.y - run.y) < 0.5 && Math.abs(o.right - run.x) < 0.6);
          if (continues || run.text.startsWith('・')) continue;
          starts++;
          expect(NO_LINE_START.test(run.text[0]!), `page ${p + 1}: a line starts with ${JSON.stringify(run.text)}`).toBe(false);
        }
      });
      expect(starts).toBeGreaterThan(50);
      const spread = (await characterSpacings(bytes)).filter((r) => [...r.text].length > 1 && !/^■+$/.test(r.text) && r.em > 0.25 + 1e-3);
      expect(spread.map((r) => `p. ${r.page} ${r.text} ${r.em.toFixed(2)} em`)).toEqual([]);
      // every date the report states stands whole on one line
      const progress = data[key(example, edition)]!;
      const dates = new Set([
        progress.asOf,
        progress.period.from,
        // (a separated system's target is not printed: the day its sharing ended is)
        ...progress.systems.flatMap((s) => [
          s.status === 'separated' ? null : s.target,
          s.ended,
          ...s.done.map((m) => m.date),
          ...s.late.map((m) => m.date),
          s.next?.date,
        ]),
        ...progress.measures.map((m) => m.due),
      ]);
      const all = lines(pages);
      for (const date of [...dates].filter((d): d is string => typeof d === 'string')) {
        const shown = wareki(date);
        expect(
          all.some((l) => l.text.includes(shown)),
          `${shown} whole on a line`,
        ).toBe(true);
        const whole = all.filter((l) => l.text.includes(shown)).length;
        const anywhere =
          pages
            .map((runs) => runs.map((r) => r.text).join(''))
            .join('')
            .split(shown).length - 1;
        expect(whole, `${shown}: every time whole on its line`).toBeGreaterThanOrEqual(anywhere);
      }
    },
  );

  it('keeps each heading with two lines of what follows', async () => {
    for (const example of examples) {
      const pages = await textRuns(pdf[key(example, 'submission')]!);
      let headings = 0;
      pages.forEach((runs, p) => {
        for (const h of runs.filter((r) => r.bold && (r.size === 11 || r.size === 9.5))) {
          headings++;
          const below = new Set(runs.filter((r) => r.y < h.y - 2 && r.y > 50).map((r) => Math.round(r.y)));
          expect(below.size, `${example} p. ${p + 1}: ${h.text}`).toBeGreaterThanOrEqual(2);
        }
      });
      expect(headings).toBeGreaterThanOrEqual(4);
    }
  });

  it("names a table that runs onto the next page: a system's heading repeated with （続き）, the measures under the running header", async () => {
    // a plan of thirty measures, and a system with a dozen milestones late: both run over a page
    const source = join(tempDir('taisei-progress-'), 'soden');
    cpSync(join(EXAMPLES, 'soden-13'), source, { recursive: true });
    const filing = join(source, 'filing.yaml');
    let yaml = readFileSync(filing, 'utf8');
    const measures = Array.from(
      { length: 30 },
      (_, n) =>
        `  - {id: IP-${10 + n}, title: 委託先ごとの情報の取扱いの確認（その${n + 1}）, area: monitoring, owner: 内部監査室, start: 2024-04-01, recurrence: 半期ごと, status: ongoing, evidence: [logReviews/LR-02]}\n`,
    ).join('');
    yaml = yaml.replace('\nattachments: []', `${measures}\nattachments: []`);
    const milestones = Array.from(
      { length: 12 },
      (_, n) =>
        `          - date: 2025-0${(n % 3) + 1}-1${n % 9}\n            description: 区間${n + 1}の回線の敷設と試験\n            done: false\n            note: 資材の納期が遅れ、区間${n + 1}は2025年5月に敷設する。\n`,
    ).join('');
    yaml = yaml.replace(
      '        milestones:\n          - date: 2024-09-30',
      `        milestones:\n${milestones}          - date: 2024-09-30`,
    );
    writeFileSync(filing, yaml);
    const built = join(source, 'out');
    const run = runCli(['build', source, '--document', 'progress', '--as-of', '2025-03-31', '-o', built]);
    expect(run.status, run.stderr + run.stdout).toBe(0);
    const pages = await textRuns(readFileSync(join(built, 'progress-2025-03-31-submission.pdf')));
    expect(pages.length).toBeGreaterThan(3);
    const top = 841.89 - 64;
    const continued = { measures: 0, system: 0 };
    pages.forEach((runs, p) => {
      if (p < 2) return;
      const header = compact(
        runs
          .filter((r) => r.y > top)
          .map((r) => r.text)
          .join(''),
      );
      const first = compact(
        runs
          .filter((r) => r.y <= top && r.y > 50)
          .sort((a, b) => b.y - a.y || a.x - b.x)
          .slice(0, 6)
          .map((r) => r.text)
          .join(''),
      );
      // a page that opens inside a table: the measures' header row, or a system's labels
      if (first.startsWith('施策担当')) {
        expect(header, `p. ${p + 1}`).toContain('3内部統制の強化策の進捗（続き）');
        continued.measures++;
      } else if (first.startsWith('TS-06')) {
        expect(first, `p. ${p + 1}`).toContain('（続き）');
        continued.system++;
      }
    });
    expect(continued.measures).toBeGreaterThanOrEqual(1);
    expect(continued.system).toBe(1);
  });
});

describe('the regulator, with progress reports', () => {
  let db: string;
  beforeAll(() => {
    db = join(out, 'regulator.sqlite');
    for (const example of examples) {
      expect(runCli(['build', join(EXAMPLES, example), '-o', join(out, example)]).status).toBe(0);
    }
    expect(
      runCli(['build', join(EXAMPLES, 'ippan-15'), '--document', 'progress', '--as-of', '2024-09-30', '-o', join(out, 'ippan-15')]).status,
    ).toBe(0);
  }, 60_000);

  it('verifies a progress bundle and its PDF by computing the progress again, and says what it proved', () => {
    const run = runCli([
      'verify',
      ...examples.flatMap((e) => editions.flatMap((ed) => [file(e, ed, 'zip'), file(e, ed, 'pdf')])),
      '--lang',
      'en',
    ]);
    expect(run.status, run.stdout).toBe(0);
    expect(run.stdout).toContain(
      'the progress report of 北灘送電株式会社 (法人番号 1020001088123) as of 2025-03-31, for 2024-10-01 to 2025-03-31',
    );
    expect(run.stdout).toContain('the progress, computed again from the filing');
    expect(run.stdout).not.toContain('pdf/bundle-mismatch');
  });

  it('refuses a progress.json that is not the one computed from the filing, and a manifest whose date was moved', () => {
    const original = readFileSync(file('ippan-15', 'submission', 'zip'));
    const entries = readDirectory(original).map((e) => ({ name: e.name, data: readEntry(original, e) }));
    const write = (name: string, change: (entries: { name: string; data: Buffer }[]) => void) => {
      const copy = entries.map((e) => ({ ...e }));
      change(copy);
      const path = join(out, name);
      writeFileSync(path, writeZip(copy));
      return path;
    };
    // the late system said on track, the manifest's hash made to match
    const edited = write('edited.zip', (copy) => {
      const progress = copy.find((e) => e.name === 'progress.json')!;
      progress.data = Buffer.from(progress.data.toString('utf8').replace('"status":"late"', '"status":"on-track"'));
      const manifest = copy.find((e) => e.name === 'manifest.json')!;
      const m = JSON.parse(manifest.data.toString('utf8'));
      const listed = m.files.find((f: { path: string }) => f.path === 'progress.json');
      listed.size = progress.data.length;
      listed.sha256 = createHash('sha256').update(progress.data).digest('hex');
      manifest.data = Buffer.from(JSON.stringify(m));
    });
    const moved = write('moved.zip', (copy) => {
      const manifest = copy.find((e) => e.name === 'manifest.json')!;
      manifest.data = Buffer.from(manifest.data.toString('utf8').replace('"asOf":"2025-03-31"', '"asOf":"2025-09-30"'));
    });
    const run = runCli(['verify', edited, moved, '--format', 'json']);
    expect(run.status).toBe(1);
    const codes = (JSON.parse(run.stdout) as { diagnostics: { code: string; file: string; severity: string }[] }).diagnostics
      .filter((d) => d.severity === 'error')
      .map((d) => [d.file.replace(/.*[\\/]/, ''), d.code]);
    expect(codes).toEqual([
      ['edited.zip:progress.json', 'bundle/progress'],
      // and the PDF inside still carries the progress.json it was built with
      ['edited.zip:report.pdf', 'bundle/report-data'],
      ['moved.zip:manifest.json', 'bundle/manifest-mismatch'],
    ]);
  });

  it('ingests progress reports beside the filings, and compares each shared system over time and the late measures', async () => {
    const all = [
      ...examples.map((e) => join(out, e, 'report-2024-submission.zip')),
      ...examples.flatMap((e) => editions.map((ed) => file(e, ed, 'zip'))),
      join(out, 'ippan-15', 'progress-2024-09-30-submission.zip'),
    ];
    const ingest = runCli(['ingest', ...all, '--db', db]);
    expect(ingest.status, ingest.stderr + ingest.stdout).toBe(0);
    const conn = openSqlite(db, { mustExist: true, readOnly: true });
    try {
      const kinds = conn.prepare('SELECT document, COUNT(*) n FROM bundles GROUP BY document ORDER BY document').all();
      expect(kinds).toEqual([
        { document: 'filing', n: 2 },
        { document: 'progress', n: 5 },
      ]);
      // the annual filing's tables hold the filings only
      expect(
        (
          conn.prepare("SELECT COUNT(*) n FROM systems s JOIN bundles b ON b.hash = s.bundle WHERE b.document = 'progress'").get() as {
            n: number;
          }
        ).n,
      ).toBe(0);
    } finally {
      conn.close();
    }
    // the annual comparison is unchanged: one row per filer and year
    const filings = join(out, 'filings.csv');
    expect(runCli(['compare', '--db', db, '-o', filings]).status).toBe(0);
    expect(readFileSync(filings, 'utf8').trim().split('\r\n')).toHaveLength(3);
    const csv = join(out, 'progress.csv');
    const compare = runCli(['compare', '--db', db, '-o', csv, '--document', 'progress', '--lang', 'en']);
    expect(compare.status, compare.stderr).toBe(0);
    const rows = Papa.parse<string[]>(
      readFileSync(csv, 'utf8')
        .replace(/^\uFEFF/, '')
        .trim(),
    ).data;
    const col = (name: string) => rows[0]!.indexOf(name);
    const pick = (row: string[]) => [row[col('as of')], row[col('id')], row[col('status')]];
    expect(rows.slice(1).map(pick)).toEqual([
      ['2025-03-31', 'TS-06', 'late'],
      ['2025-03-31', 'IP-04', 'late'],
      ['2024-09-30', 'SYS-21', 'on track'],
      ['2024-09-30', 'SYS-22', 'on track'],
      ['2024-09-30', 'SYS-23', 'on track'],
      ['2025-03-31', 'SYS-21', 'separated'],
      ['2025-03-31', 'SYS-22', 'late'],
      ['2025-03-31', 'SYS-23', 'on track'],
      ['2025-03-31', 'IP-03', 'late'],
    ]);
    // the page: each filer's systems against its as-of dates, in a browser
    const html = join(out, 'progress.html');
    expect(runCli(['compare', '--db', db, '-o', html, '--document', 'progress', '--lang', 'en']).status).toBe(0);
    const browser = await chromium.launch({ executablePath: process.env.TAISEI_TEST_CHROMIUM, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
      await page.goto(`file://${html}`);
      const tables = await page.$$eval('table.progress', (list) =>
        list.map((t) => ({
          dates: [...t.querySelectorAll('thead th.date')].map((th) => th.textContent),
          rows: [...t.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.className)),
        })),
      );
      expect(tables).toEqual([
        { dates: ['2025-03-31'], rows: [['status late']] },
        {
          dates: ['2024-09-30', '2025-03-31'],
          rows: [
            ['status on-track', 'status separated'],
            ['status on-track', 'status late'],
            ['status on-track', 'status on-track'],
          ],
        },
      ]);
      // the page never scrolls sideways at 1366 px
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
    } finally {
      await browser.close();
    }
  });
});
