// The regulator's desk: compare's HTML page opened in a real browser (Debian's chromium, through
// playwright-core; scripts/test.mjs brings it), the per-filer page, the xlsx read back with exceljs
// (widths, print set-up, cell types) and the CSV's 法人番号. Two filers, one of them over two years,
// with a shared system whose target lies past the horizon of the 2023 orders.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { displayWidth } from '../src/util/width.js';
import { EXAMPLES, previousYearOf, runCli, tempDir } from './helpers.js';

let dir: string;
let db: string;
let browser: Browser;
const IPPAN = '9010401199001';

function build(source: string, out: string): string {
  const run = runCli(['build', source, '--out', out]);
  expect(run.status, run.stderr).toBe(0);
  return join(
    out,
    readFileSync(join(source, 'filing.yaml'), 'utf8').match(/fiscalYear: (\d+)/)![1] === '2023'
      ? 'report-2023-submission.zip'
      : 'report-2024-submission.zip',
  );
}

beforeAll(async () => {
  dir = tempDir('taisei-desk-');
  // this year: one shared system's target a year past the horizon (a warning of the filer's own rules)
  const current = join(dir, 'current-src');
  cpSync(join(EXAMPLES, 'ippan-15'), current, { recursive: true });
  const systems = readFileSync(join(current, 'systems.yaml'), 'utf8');
  expect(systems).toContain('targetDate: 2026-03-31');
  // the target moved with no revision stating why (the plan's revisions taken out): past the horizon
  // without the reason the orders ask for, a warning of the filer's own rules
  writeFileSync(
    join(current, 'systems.yaml'),
    systems.replace('targetDate: 2026-03-31', 'targetDate: 2027-03-31').replace(/\n {8}revisions:\n(?: {10}.*\n)+/, '\n'),
  );
  // last year: the same facts, a year earlier
  const previous = previousYearOf(join(dir, 'previous-src'));
  const bundles = [
    build(previous, join(dir, 'previous')),
    build(current, join(dir, 'current')),
    build(join(EXAMPLES, 'soden-13'), join(dir, 'soden')),
  ];
  db = join(dir, 'regulator.sqlite');
  const ingest = runCli(['ingest', '--db', db, ...bundles]);
  expect(ingest.status, ingest.stderr).toBe(0);
  const executablePath = process.env.TAISEI_TEST_CHROMIUM;
  expect(executablePath, 'scripts/test.mjs finds or installs Chromium').toBeTruthy();
  browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
}, 120_000);

afterAll(async () => {
  await browser?.close();
});

async function open(path: string, width = 1366): Promise<Page> {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(`file://${path}`);
  return page;
}

describe('compare --out report.html, in a browser', () => {
  let html: string;
  let page: Page;
  beforeAll(async () => {
    html = join(dir, 'report.html');
    const run = runCli(['compare', '--db', db, '--out', html]);
    expect(run.status, run.stderr).toBe(0);
    page = await open(html);
    await page.screenshot({ path: join(dir, 'report.png'), fullPage: true });
  }, 60_000);

  it('reads as a report: a summary, then the charts, then the table', async () => {
    const headings = await page.$$eval('h2', (hs) => hs.map((h) => h.textContent));
    expect(headings).toEqual(['Summary', 'At a glance', 'Every indicator']);
    const summary = await page.$$eval('.summary div', (ds) =>
      ds.map((d) => [d.querySelector('dt')!.textContent, d.querySelector('dd')!.textContent]),
    );
    expect(summary).toContainEqual(['filers', '2']);
    expect(summary).toContainEqual(['fiscal years', '2023–2024']);
    // ippan-15's system moved past the horizon here, and soden-13's, whose target is past it with its reason
    expect(summary.find(([dt]) => dt!.startsWith('of them past the horizon'))![1]).toBe('2');
  });

  it('gives every chart a title and its values as text', async () => {
    const charts = await page.$$eval('figure.chart', (figures) =>
      figures.map((f) => ({
        caption: f.querySelector('figcaption')?.textContent ?? '',
        title: f.querySelector('svg > title')?.textContent ?? '',
        texts: [...f.querySelectorAll('svg text')].map((t) => t.textContent ?? ''),
        marks: f.querySelectorAll('svg rect title').length,
      })),
    );
    expect(charts).toHaveLength(4);
    for (const chart of charts) {
      expect(chart.caption.length, 'caption').toBeGreaterThan(10);
      expect(chart.title).toBe(chart.caption);
      expect(chart.marks, chart.caption).toBeGreaterThan(0);
    }
    const [readiness, shared, timeline, findings] = charts;
    expect(readiness!.texts).toEqual(expect.arrayContaining(['88.1', '86.8', 'FY2023', 'FY2024']));
    expect(shared!.texts).toEqual(expect.arrayContaining(['2 in all', '1 in all']));
    // the system past the horizon, with how far past it
    expect(timeline!.texts).toContain('2027-03-31 (348 days past)');
    expect(timeline!.texts).toContain('2026-09-30 (166 days past)');
    expect(timeline!.texts.some((t) => t.startsWith('horizon of the 2023 orders 2026-04-17'))).toBe(true);
    expect(findings!.texts).toEqual(expect.arrayContaining(['3', '2']));
  });

  it('sets no text over another, nor over the horizon line, and gives every chart with a scale its values', async () => {
    const charts = await page.$$eval('figure.chart', (figures) =>
      figures.map((f) => {
        const box = (e: Element) => {
          const r = e.getBoundingClientRect();
          return { left: r.left, right: r.right, top: r.top, bottom: r.bottom, text: e.textContent ?? '' };
        };
        return {
          id: f.id,
          texts: [...f.querySelectorAll('svg text')].map(box),
          lines: [...f.querySelectorAll('svg line.horizon')].map(box),
          axis: [...f.querySelectorAll('svg text.axis, svg text.year')].map((e) => e.textContent ?? ''),
        };
      }),
    );
    const meet = (a: { left: number; right: number; top: number; bottom: number }, b: typeof a) =>
      a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
    for (const chart of charts) {
      for (let i = 0; i < chart.texts.length; i++) {
        for (let j = i + 1; j < chart.texts.length; j++)
          expect(meet(chart.texts[i]!, chart.texts[j]!), `${chart.id}: ${chart.texts[i]!.text} / ${chart.texts[j]!.text}`).toBe(false);
        // the horizon's line is a box a pixel or two wide; its own label stands beside it
        for (const line of chart.lines)
          expect(
            meet(chart.texts[i]!, { ...line, left: line.left - 1, right: line.right + 1 }),
            `${chart.id}: ${chart.texts[i]!.text} on the horizon`,
          ).toBe(false);
      }
    }
    const byId = Object.fromEntries(charts.map((c) => [c.id, c]));
    expect(byId['chart-readiness']!.axis).toEqual(expect.arrayContaining(['0', '50', '100']));
    expect(byId['chart-timeline']!.axis).toEqual(expect.arrayContaining(['2024', '2025', '2026']));
  });

  it('says when and from which database it was made, and who signed each filing', async () => {
    const meta = await page.$eval('p.meta', (p) => p.textContent ?? '');
    expect(meta).toMatch(/As of \d{4}-\d{2}-\d{2}, from .*regulator\.sqlite\./);
    const heads = await page.$$eval('#compare thead tr:last-child th', (cells) => cells.map((c) => c.textContent));
    expect(heads).toEqual(expect.arrayContaining(['submitted', 'signature']));
    const signatures = await page.$$eval('#compare tbody tr', (rows) => rows.map((r) => r.cells[4]!.textContent));
    expect(signatures).toEqual(['unsigned', 'unsigned', 'unsigned']);
  });

  it('shows the main columns first, and every column one click away', async () => {
    const visible = () =>
      page.$$eval('#compare thead tr:last-child th', (cells) => cells.filter((c) => c.getBoundingClientRect().width > 0).length);
    const spans = () =>
      page.$$eval('#compare thead tr.groups th', (cells) =>
        cells.filter((c) => c.getBoundingClientRect().width > 0).reduce((n, c) => n + (c as HTMLTableCellElement).colSpan, 0),
      );
    const main = await visible();
    expect(main).toBeGreaterThanOrEqual(8);
    expect(main).toBeLessThanOrEqual(14);
    expect(await spans()).toBe(main);
    const all = await page.$$eval('#compare thead tr:last-child th', (cells) => cells.length);
    const button = page.locator('button.columns');
    expect(await button.textContent()).toBe(`Show all ${all} columns`);
    await button.click();
    expect(await visible()).toBe(all);
    expect(await spans()).toBe(all);
    expect(await button.getAttribute('aria-expanded')).toBe('true');
  });

  it('keeps the filer column readable and in view, and the page within 1366 px but for the table', async () => {
    const widths = await page.$$eval('tbody th.filer', (cells) => cells.map((c) => c.getBoundingClientRect().width));
    expect(widths).toHaveLength(3);
    for (const w of widths) expect(w).toBeGreaterThan(150); // one name on one line, not a character a line
    const heads = await page.$$eval('thead tr:last-child th', (cells) => cells.map((c) => c.getBoundingClientRect().width));
    for (const w of heads) expect(w).toBeGreaterThanOrEqual(60);
    const overflow = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      scroll: (() => {
        const s = document.querySelector('.scroll')!;
        return s.scrollWidth - s.clientWidth;
      })(),
    }));
    expect(overflow.page).toBeLessThanOrEqual(0);
    expect(overflow.scroll).toBeGreaterThan(0); // the table scrolls inside its own area
    // scrolled sideways, the filer column stays where it was
    const before = await page.$eval('tbody th.filer', (c) => c.getBoundingClientRect().left);
    await page.$eval('.scroll', (s) => s.scrollBy(600, 0));
    expect(await page.$eval('tbody th.filer', (c) => c.getBoundingClientRect().left)).toBe(before);
    // grouped headers over the columns
    const groups = await page.$$eval('thead tr.groups th', (cells) => cells.map((c) => c.textContent));
    expect(groups).toEqual(expect.arrayContaining(['separation deadline', 'internal control']));
  });

  it('sorts by a column when its header is clicked', async () => {
    const year = page.locator('thead tr:last-child th', { hasText: 'fiscal year' });
    await year.click();
    expect(await year.getAttribute('aria-sort')).toBe('ascending');
    const years = await page.$$eval('#compare tbody tr', (rows) => rows.map((r) => r.cells[2]!.textContent));
    expect(years).toEqual(['2023', '2024', '2024']);
  });

  it('prints on A4 landscape', async () => {
    expect(readFileSync(html, 'utf8')).toContain('@page { size: A4 landscape;');
    const pdf = await page.pdf({ format: 'A4', landscape: true });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('is self-contained: nothing is fetched', () => {
    expect(readFileSync(html, 'utf8')).not.toMatch(/<(link|img|iframe)\b|\bsrc=|https?:\/\/(?!www\.w3\.org\/)/);
  });
});

describe('compare --filer', () => {
  it("shows one filer's years side by side, what changed, what is late and the findings it filed", async () => {
    const html = join(dir, 'filer.html');
    const run = runCli(['compare', '--db', db, '--out', html, '--filer', IPPAN]);
    expect(run.status, run.stderr).toBe(0);
    const page = await open(html);
    await page.screenshot({ path: join(dir, 'filer.png'), fullPage: true });
    expect(await page.$eval('h1', (h) => h.textContent)).toContain(IPPAN);
    expect(await page.$$eval('#filer thead th', (cells) => cells.map((c) => c.textContent))).toEqual(['indicator', 'FY2023', 'FY2024']);
    const changed = await page.$$eval('h2 + ul li', (items) => items.map((i) => i.textContent ?? ''));
    expect(changed).toContain('latest separation target: 2026-03-31 → 2027-03-31');
    expect(await page.$$eval('ul.findings li code', (codes) => codes.map((c) => c.textContent))).toContain('systems/separation-target');
    const unknown = runCli(['compare', '--db', db, '--out', join(dir, 'x.html'), '--filer', '1234567890123']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('no filing of 法人番号 1234567890123');
  });
});

describe('compare --out report.xlsx and .csv', () => {
  it('measures widths from the content, prints landscape to a page width, and keeps dates, percentages and 法人番号 as such', async () => {
    const out = join(dir, 'report.xlsx');
    expect(runCli(['compare', '--db', db, '--out', out], { env: { LANG: 'ja_JP.UTF-8' } }).status).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(out);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.pageSetup).toMatchObject({ orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, paperSize: 9 });
    expect(sheet.pageSetup.printTitlesRow).toBe('1:1');
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const col = (name: string) => sheet.getColumn(header.indexOf(name));
    // the filer column as wide as the longest name (a full-width character counts two)
    expect(col('提出者').width).toBeGreaterThanOrEqual(displayWidth('東雲電力送配電株式会社'));
    const number = col('法人番号').values.filter(Boolean).slice(1);
    expect(number).toContain(IPPAN); // a string, not 9.01E+12
    expect(sheet.getRow(2).getCell(header.indexOf('法人番号')).numFmt).toBe('@');
    const target = sheet.getRow(3).getCell(header.indexOf('共用解消の最終目標日'));
    expect(target.value).toBeInstanceOf(Date);
    expect(target.numFmt).toBe('yyyy-mm-dd');
    const rate = sheet.getRow(3).getCell(header.indexOf('受講率（%）'));
    expect(rate.numFmt).toBe('0.0%');
    expect(rate.value as number).toBeCloseTo(0.99, 2);
  });

  it('writes 法人番号 in the CSV as text Excel and LibreOffice keep whole', () => {
    const out = join(dir, 'report.csv');
    expect(runCli(['compare', '--db', db, '--out', out]).status).toBe(0);
    const lines = readFileSync(out, 'utf8').split('\r\n');
    expect(lines[1]).toMatch(/^[^,]+,="\d{13}",/);
    expect(lines.some((l) => l.includes(`,="${IPPAN}",`))).toBe(true);
  });
});
