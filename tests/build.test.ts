// `taisei build` end to end: real PDFs, read back with pdfjs-dist.
import { cpSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { getProfile } from '../src/profiles/index.js';
import { EXAMPLES, HEADER, RULES_OFF, runCli, tempDir, writeTree } from './helpers.js';
import { compact, fillColours, readPdf, textRuns, type PdfContent, type Run } from './pdf-helpers.js';

const ippan = join(EXAMPLES, 'ippan-15');
let out: string;
let submission: PdfContent;
let publicEdition: PdfContent;
let submissionBytes: Buffer;

beforeAll(async () => {
  out = tempDir('taisei-build-');
  const run = runCli(['build', ippan, '--out', out, '--edition', 'both']);
  expect(run.status, run.stdout + run.stderr).toBe(0);
  submissionBytes = readFileSync(join(out, 'report-2024-submission.pdf'));
  submission = await readPdf(submissionBytes);
  publicEdition = await readPdf(readFileSync(join(out, 'report-2024-public.pdf')));
}, 60_000);

describe('the submission edition', () => {
  it('writes both editions and says so', () => {
    expect(readdirSync(out).sort()).toEqual([
      'report-2024-public.pdf',
      'report-2024-public.zip',
      'report-2024-submission.pdf',
      'report-2024-submission.zip',
    ]);
  });

  it('has every item title of the profile verbatim, in order, after the table of contents', () => {
    const profile = getProfile('ippan-15')!;
    const body = submission.compact.slice(submission.compact.indexOf('別紙'));
    let at = 0;
    for (const item of profile.items) {
      const found = body.indexOf(compact(`${item.label}　${item.title}`), at);
      expect(found, `${item.label} ${item.title}`).toBeGreaterThan(at - 1);
      at = found + 1;
    }
  });

  it('has the cover fields, with the date in the Japanese era', () => {
    const cover = compact(submission.pages[0]!);
    for (const text of [
      '体制整備等報告書',
      '経済産業大臣殿',
      '東雲県湊市中央一丁目1番1号',
      '東雲電力送配電株式会社',
      '代表取締役社長執行役員青木誠一',
      '令和7年6月20日',
      '電気事業法第二十三条の四第二項',
      '令和6年度',
      '令和6年4月1日から令和7年3月31日まで',
    ]) {
      expect(cover, text).toContain(text);
    }
  });

  it('numbers the pages "N / M" and repeats the company and year at the top', () => {
    const total = submission.pages.length;
    // 63 pages before the typesetting work; every record, system and review is still printed (below)
    expect(total).toBeGreaterThan(20);
    expect(total).toBeLessThanOrEqual(48);
    for (let i = 2; i <= total; i++) {
      expect(compact(submission.pages[i - 1]!), `page ${i}`).toContain(`${i}/${total}`);
      expect(compact(submission.pages[i - 1]!)).toContain('東雲電力送配電株式会社令和6年度体制整備等報告書');
    }
    expect(compact(submission.pages[0]!)).not.toContain(`1/${total}`);
  });

  it('has a table of contents with leaders and page numbers, and an outline in two levels with full titles', () => {
    expect(compact(submission.pages[1]!)).toContain('目次');
    expect(submission.pages[1]).toMatch(/前条第一項第一号の規定により区分した室の配置…+\s*\d+/);
    const profile = getProfile('ippan-15')!;
    expect(submission.outline).toEqual([
      '表紙',
      '目次',
      '別紙　電気事業法施行規則第三十三条の十六に掲げる事項',
      ...profile.items.map((i) => `${i.label}　${i.title}`),
      '添付資料一覧',
      '別添5　取引及び連絡調整の経緯等の記録（全320件）',
      '参考資料　内部統制の自己評価と改善計画',
    ]);
    // an item's blocks under it
    const premises = submission.outlineTree.find((o) => o.title.startsWith('一　'))!;
    expect(premises.items.map((i) => i.title)).toEqual(['事業所', '室', '共用部']);
  });

  it('has the page number of every 目次 entry right: the page its heading is on', () => {
    const profile = getProfile('ippan-15')!;
    const toc = submission.pages[1]!;
    for (const item of profile.items) {
      const title = compact(`${item.label}　${item.title}`);
      const entry = compact(toc).match(
        new RegExp(
          `${item.label}${compact(item.title)
            .slice(0, 12)
            .replace(/[()（）]/g, '.')}[^…]*…+(\\d+)`,
        ),
      );
      expect(entry, item.label).not.toBeNull();
      const page = Number(entry![1]);
      expect(compact(submission.pages[page - 1]!), `${item.label} on page ${page}`).toContain(title.slice(0, 20));
    }
  });

  it('starts no line with a character 禁則 keeps from the start of a line, in any table or paragraph', async () => {
    const { NO_LINE_START } = await import('../src/render/compose.js');
    const pages = await textRuns(submissionBytes);
    let starts = 0;
    pages.forEach((runs, p) => {
      for (const run of runs) {
        // a run that no run on its baseline ends just before starts a line
        const continues = runs.some((o) => o !== run && Math.abs(o.y - run.y) < 0.5 && Math.abs(o.right - run.x) < 0.6);
        if (continues) continue;
        starts++;
        // ・ at the start of a paragraph is a list's bullet (inside a paragraph the composer never puts it there)
        if (run.text.startsWith('・')) continue;
        expect(NO_LINE_START.test(run.text[0]!), `page ${p + 1}: a line starts with ${JSON.stringify(run.text)}`).toBe(false);
      }
    });
    expect(starts).toBeGreaterThan(1000);
  });

  it('never leaves a heading in the last lines of a page: two lines of what follows stay with it', async () => {
    const pages = await textRuns(submissionBytes);
    let headings = 0;
    pages.forEach((runs, p) => {
      // item headings (11 pt) and block headings (9.5 pt) are set in the heading face
      for (const h of runs.filter((r) => r.fontName && (r.size === 11 || r.size === 9.5) && r.bold)) {
        headings++;
        const below = new Set(runs.filter((r) => r.y < h.y - 2 && r.y > 50).map((r) => Math.round(r.y)));
        expect(below.size, `page ${p + 1}: ${h.text} has ${below.size} lines under it`).toBeGreaterThanOrEqual(2);
      }
    });
    expect(headings).toBeGreaterThan(30);
  });

  it('prints every record, every system and every log review (nothing dropped by the shorter layout)', async () => {
    const { parse } = await import('yaml');
    const { wareki } = await import('../src/render/wareki.js');
    const read = (file: string) => parse(readFileSync(join(ippan, file), 'utf8'));
    const count = (needle: string) => submission.compact.split(needle).length - 1;
    const records = read('transactions.yaml').transactions.records as { date: string; counterparty: { name: string } }[];
    const pairs = new Map<string, number>();
    for (const r of records) {
      const key = compact(`${wareki(r.date)}${r.counterparty.name}`);
      pairs.set(key, (pairs.get(key) ?? 0) + 1);
    }
    for (const [key, n] of pairs) expect(count(key), key).toBeGreaterThanOrEqual(n);
    for (const s of read('systems.yaml').systems as { id: string; name: string }[]) {
      expect(count(compact(`${s.id}${s.name}`)), s.id).toBeGreaterThanOrEqual(2); // in the matrix and in its detail
    }
    const reviews = read('logReviews.yaml').logReviews as { reviewed: string }[];
    for (const r of reviews) expect(submission.compact).toContain(compact(wareki(r.reviewed)));
    expect(count('中立性監査室')).toBeGreaterThanOrEqual(reviews.filter((r) => JSON.stringify(r).includes('中立性監査室')).length);
  });

  it('carries the metadata', () => {
    expect(submission.info).toMatchObject({
      Title: '東雲電力送配電株式会社 体制整備等報告書（令和6年度）',
      Author: '東雲電力送配電株式会社',
      Creator: 'taisei',
      Language: 'ja-JP',
    });
    // the subject cites the act as the cover does, in kanji numerals
    const cited = '電気事業法第二十三条の四第二項';
    expect(String(submission.info.Subject)).toContain(cited);
    expect(submission.compact).toContain(cited);
    expect(String(submission.info.Subject)).not.toMatch(/[0-9]条/);
    expect(String(submission.info.Keywords)).not.toMatch(/[0-9]条/);
    expect(String(submission.info.Keywords)).toContain('体制整備等報告書');
  });

  it('embeds subset fonts: BIZ UD明朝 for the body and BIZ UDゴシック Bold for headings', () => {
    const raw = submissionBytes.toString('latin1');
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+BIZUDMincho-Regular/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+BIZUDGothic-Bold/);
    // the fallback face is embedded only when a character needs it
    expect((raw.match(/\/FontFile2 /g) ?? []).length).toBe(2);
    expect(submissionBytes.length).toBeLessThan(1024 * 1024);
  });

  it('writes values as the filer wrote them: enum labels, 和暦 dates, kept line breaks', () => {
    expect(submission.compact).toContain('ハードウェア（サーバ）を共用');
    expect(submission.compact).toContain('令和6年6月27日');
    expect(submission.compact).toContain('宮下健太郎');
    expect(submission.compact).toContain('当社専用のサーバを新設してデータを移行し');
  });

  it('never loads the parts of the PDF libraries a build does not use (WOFF2, encryption, PNG, their line breaker)', () => {
    const again = tempDir('taisei-build-');
    const check = join(__dirname, 'fixtures', 'deferred-check.cjs');
    const run = runCli(['build', ippan, '--out', again, '--edition', 'both'], { env: { NODE_OPTIONS: `--require ${check}` } });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stderr).toContain('deferred-check: []');
  });

  it('is byte-identical when built again', () => {
    const again = tempDir('taisei-build-');
    expect(runCli(['build', ippan, '--out', again]).status).toBe(0);
    expect(readFileSync(join(again, 'report-2024-submission.pdf')).equals(submissionBytes)).toBe(true);
  });
});

describe('the public edition', () => {
  it('draws a black bar in place of every withheld value, and leaks none of them anywhere', () => {
    // values that appear nowhere else in the filing (a room's site, floor and name also spell a host's location)
    const withheld = [
      '宮下 健太郎',
      '大西 由紀子',
      '佐伯 真理',
      '仮想サーバ 4台（アプリケーション 2台、データベース 2台）',
      '情報システム部の指定された者のみ。IDカードと静脈認証の二要素で入室する。',
    ];
    expect(publicEdition.compact).toContain('■■■');
    expect(publicEdition.compact).not.toContain('非公表');
    const metadata = JSON.stringify(publicEdition.info);
    for (const value of withheld) {
      expect(submission.compact, `present in the submission: ${value}`).toContain(compact(value));
      expect(publicEdition.compact, `page text: ${value}`).not.toContain(compact(value));
      expect(metadata).not.toContain(value);
      expect(publicEdition.outline.join()).not.toContain(value);
    }
    // the data it carries are the public filing.json, with none of the withheld values either
    const carried = publicEdition.attachments as Record<string, { content: Uint8Array }>;
    expect(Object.keys(carried)).toEqual(['filing.json']);
    const json = Buffer.from(carried['filing.json']!.content).toString('utf8');
    expect(json).toContain('"$withheld":true');
    for (const value of withheld) expect(json, `carried: ${value}`).not.toContain(value);
    expect(compact(publicEdition.pages[0]!)).toContain('公表版');
    expect(String(publicEdition.info.Title)).toContain('公表版');
    for (let i = 2; i <= publicEdition.pages.length; i++)
      expect(compact(publicEdition.pages[i - 1]!)).toContain('体制整備等報告書（公表版）');
  });

  it('has the same pages and the same lines as the submission: each bar is as wide as what it hides', async () => {
    expect(publicEdition.pages.length).toBe(submission.pages.length);
    const lines = (runs: Run[]) => [...new Set(runs.map((r) => Math.round(r.y * 10) / 10))].sort((a, b) => a - b);
    const a = await textRuns(submissionBytes);
    const b = await textRuns(readFileSync(join(out, 'report-2024-public.pdf')));
    // every page but the cover (which says it is the public edition) has its lines where the submission has them
    for (let i = 1; i < a.length; i++) expect(lines(b[i]!), `page ${i + 1}`).toEqual(lines(a[i]!));
  });

  it('keeps a value published with !publish and withholds one marked !withhold', async () => {
    const dir = writeTree({
      'taisei.config.yaml': RULES_OFF,
      'filing.yaml':
        HEADER.replace('name: 山田 太郎', 'name: 山田 太郎') +
        'contact:\n  department: !withhold 経営企画部 秘密グループ\n  name: !publish 佐伯 真理\n  phone: "099-555-0100"\n',
    });
    const target = tempDir('taisei-build-');
    const run = runCli(['build', join(dir, 'filing.yaml'), '--out', target, '--edition', 'public']);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    expect(run.stderr).toMatch(/1 values withheld/);
    const pdf = await readPdf(readFileSync(join(target, 'report-2024-public.pdf')));
    expect(pdf.compact).toContain('佐伯真理');
    expect(pdf.compact).not.toContain('秘密グループ');
  });

  it('withholds a whole mapping marked !withhold', async () => {
    const dir = writeTree({
      'taisei.config.yaml': RULES_OFF,
      'filing.yaml': HEADER + 'contact: !withhold\n  department: 経営企画部\n  phone: "099-555-0199"\n',
    });
    const target = tempDir('taisei-build-');
    expect(runCli(['build', join(dir, 'filing.yaml'), '--out', target, '--edition', 'public']).status).toBe(0);
    const pdf = await readPdf(readFileSync(join(target, 'report-2024-public.pdf')));
    expect(compact(pdf.pages[0]!)).toMatch(/連絡先■+/);
    expect(pdf.compact).not.toContain('099-555-0199');
    expect(pdf.compact).not.toContain('経営企画部');
  });
});

describe('other profiles and wording', () => {
  it('files a 送電事業者 under 第二十七条の十二 with its 13 items, and says 該当なし where nothing was corrected', async () => {
    const target = tempDir('taisei-build-');
    expect(runCli(['build', join(EXAMPLES, 'soden-13'), '--out', target]).status).toBe(0);
    const pdf = await readPdf(readFileSync(join(target, 'report-2024-submission.pdf')));
    expect(compact(pdf.pages[0]!)).toContain('電気事業法第二十七条の十二において準用する同法第二十三条の四第二項');
    const profile = getProfile('soden-13')!;
    for (const n of [9, 11, 12]) {
      const item = profile.items[n - 1]!;
      const start = pdf.compact.lastIndexOf(compact(`${item.label}　${item.title}`));
      const next = profile.items[n]!;
      const end = pdf.compact.lastIndexOf(compact(`${next.label}　${next.title}`));
      expect(start).toBeGreaterThan(0);
      expect(pdf.compact.slice(start, end), item.label).toContain('該当なし');
    }
  });

  it('takes wording from --templates over the shipped templates', async () => {
    const templates = writeTree({ 'none.hbs': '該当する事項はない', 'soden-13/cover-title.hbs': '体制整備等報告書（送電）' });
    const target = tempDir('taisei-build-');
    expect(runCli(['build', join(EXAMPLES, 'soden-13'), '--out', target, '--templates', templates]).status).toBe(0);
    const pdf = await readPdf(readFileSync(join(target, 'report-2024-submission.pdf')));
    expect(pdf.compact).toContain('該当する事項はない');
    expect(pdf.compact).not.toContain('該当なし');
    expect(compact(pdf.pages[0]!)).toContain('体制整備等報告書（送電）');
  });
});

describe('hostile values', () => {
  it('prints template syntax, JSON, HTML, long unbroken strings and 𠮷 as text, never as structure', async () => {
    const long = 'A'.repeat(2000);
    const values = ['{{filer.name}}', '{"text": "X", "bold": true}', '<b>太字</b>&amp;', '𠮷野家の髙橋さん'];
    const rules = [
      'rules:',
      ...values.map(
        (v, i) =>
          `  - id: R-${i}\n    title: ${JSON.stringify(v)}\n    established: 2020-04-01\n    scope: [employees]\n    summary: ${JSON.stringify(v)}`,
      ),
      `  - id: R-long\n    title: 長い値\n    established: 2020-04-01\n    scope: [employees]\n    summary: ${long}`,
      `  - id: R-after\n    title: 後の規程\n    established: 2020-04-01\n    scope: [employees]\n    summary: 長い値の後も続く`,
    ].join('\n');
    const dir = writeTree({ 'taisei.config.yaml': RULES_OFF, 'filing.yaml': HEADER, 'rules.yaml': rules + '\n' });
    const target = tempDir('taisei-build-');
    const run = runCli(['build', dir, '--out', target]);
    expect(run.status, run.stdout + run.stderr).toBe(0);
    const pdf = await readPdf(readFileSync(join(target, 'report-2024-submission.pdf')));
    for (const v of values) expect(pdf.compact, v).toContain(compact(v));
    // a table's columns interleave line by line in extracted text: count the characters instead
    expect((pdf.compact.match(/A/g) ?? []).length).toBe(2000);
    expect(pdf.compact).toContain('長い値の後も続く');
  });

  it('never drops a table whose first row is taller than a page', async () => {
    const dir = writeTree({
      'taisei.config.yaml': RULES_OFF,
      'filing.yaml': HEADER,
      'rules.yaml': `rules:\n  - id: R-long\n    title: 長い値\n    established: 2020-04-01\n    scope: [employees]\n    summary: ${'B'.repeat(3000)}\n`,
    });
    const target = tempDir('taisei-build-');
    expect(runCli(['build', dir, '--out', target]).status).toBe(0);
    const pdf = await readPdf(readFileSync(join(target, 'report-2024-submission.pdf')));
    expect((pdf.compact.match(/B/g) ?? []).length).toBe(3000);
  });

  it('reports a character the fonts cannot draw, with its place, and writes nothing', () => {
    const dir = writeTree({
      'taisei.config.yaml': RULES_OFF,
      'filing.yaml': HEADER.replace('name: テスト送配電株式会社', 'name: テスト送配電株式会社😀'),
    });
    const target = join(tempDir('taisei-build-'), 'out');
    const run = runCli(['build', dir, '--out', target, '--format', 'json']);
    expect(run.status).toBe(1);
    const d = JSON.parse(run.stdout).diagnostics.find((x: { code: string }) => x.code === 'render/missing-glyph');
    expect(d).toMatchObject({ code: 'render/missing-glyph', file: join(dir, 'filing.yaml'), line: 2, column: 9 });
    expect(d.message).toContain('U+1F600');
    expect(existsSync(target)).toBe(false);
  });
});

describe('failures', () => {
  it('stops on validation errors with the same diagnostics as validate, writing nothing', () => {
    const target = join(tempDir('taisei-build-'), 'out');
    const bad = join(EXAMPLES, '..', 'tests', 'fixtures', 'diagnostics', 'enum.yaml');
    const run = runCli(['build', bad, '--out', target]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(runCli(['validate', bad]).stdout);
    expect(existsSync(target)).toBe(false);
  });

  it('exits 3 with a clear message when --out cannot be written, leaving no partial file', () => {
    const dir = tempDir('taisei-build-');
    const blocker = join(dir, 'not-a-directory');
    writeFileSync(blocker, 'x');
    const run = runCli(['build', join(EXAMPLES, 'soden-13'), '--out', blocker]);
    expect(run.status).toBe(3);
    expect(run.stderr).toMatch(/cannot write .*not-a-directory/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(readdirSync(dir)).toEqual(['not-a-directory']);
  });
});

describe('the appendix 参考資料 with the self-assessment', () => {
  const pageWith = (pdf: PdfContent, text: string) => pdf.pages.findIndex((p) => compact(p).includes(text));

  it('shows the readiness by area as a table and as bars drawn with vector shapes', async () => {
    const at = pageWith(submission, '区分ごとの準備度');
    expect(at).toBeGreaterThan(0);
    const page = compact(submission.pages[at]!);
    expect(page).toContain('参考資料');
    // 情報と伝達／ITガバナンス: 3 items, 33.3% in place, 66.7% evidenced, 1 of 2 periods, 46.7; overall 88.1
    expect(page).toMatch(/情報と伝達／ITガバナンス333\.3%66\.7%1／2期（50\.0%）46\.7/);
    expect(page).toMatch(/全体1782\.4%94\.1%14／15期（93\.3%）88\.1/);
    const colours = await fillColours(submissionBytes, at + 1);
    expect(colours['#777777']).toBe(6); // one bar per area
    expect(colours['#333333']).toBe(1); // and the overall one
  });

  it('lists every check item with its status and evidence, and the plan with its missed period', () => {
    const text = submission.compact.slice(submission.compact.indexOf('確認事項ごとの自己評価'));
    for (const id of ['CE-1', 'RA-2★', 'IT-2★', 'IT-3★', 'MO-1★', 'OT-1']) expect(text).toContain(id);
    expect(text).toContain('研修TRN-01役員向け行為規制研修');
    expect(text).toContain('確認LR-001令和6年4月24日');
    expect(text).toContain('半期ごと'); // "half-yearly" in the filing, the Japanese notation in the PDF
    expect(text).toContain('実施の記録のない期：令和6年10月〜令和7年3月');
  });

  it('is in the public edition too', () => {
    expect(pageWith(publicEdition, '区分ごとの準備度')).toBeGreaterThan(0);
  });

  it('can be left out, by option or by configuration; the bundle still carries the score', async () => {
    const byOption = tempDir();
    expect(runCli(['build', ippan, '--out', byOption, '--no-assessment-appendix']).status).toBe(0);
    const pdf = await readPdf(readFileSync(join(byOption, 'report-2024-submission.pdf')));
    expect(pdf.compact).not.toContain('参考資料');
    expect(pdf.outline).toHaveLength(20);
    expect(pdf.outline).not.toContain('参考資料　内部統制の自己評価と改善計画');
    const { readDirectory } = await import('../src/bundle/zip.js');
    expect(readDirectory(readFileSync(join(byOption, 'report-2024-submission.zip'))).map((e) => e.name)).toContain('assessment.json');
    const copy = join(tempDir(), 'filing');
    cpSync(ippan, copy, { recursive: true });
    writeFileSync(join(copy, 'taisei.config.yaml'), 'assessmentAppendix: false\n');
    const byConfig = tempDir();
    expect(runCli(['build', copy, '--out', byConfig]).status).toBe(0);
    expect((await readPdf(readFileSync(join(byConfig, 'report-2024-submission.pdf')))).compact).not.toContain('参考資料');
  });
});
