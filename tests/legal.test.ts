// The filing as the law words it: each filer type's own designations, the form's article, the 前条
// note, the item-九 summary and its annex, the attachments numbered 別添. Read from the PDFs' text.
import { cpSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { characterSpacings, compact, readPdf, textRuns, type PdfContent } from './pdf-helpers.js';
import { EXAMPLES, runCli, tempDir } from './helpers.js';
import { readDirectory, readEntry, writeZip } from '../src/bundle/zip.js';
import { parse } from 'yaml';

const editions = ['submission', 'public'] as const;
type Built = Record<'ippan' | 'soden', Record<(typeof editions)[number], PdfContent>>;
let built: Built;
const bytes: Record<string, Buffer> = {};
let ippanBundle: string;

beforeAll(async () => {
  const read = async (example: string) => {
    const out = tempDir('taisei-legal-');
    const run = runCli(['build', join(EXAMPLES, example), '--out', out, '--edition', 'both']);
    expect(run.status, run.stderr).toBe(0);
    if (example === 'ippan-15') ippanBundle = join(out, 'report-2024-submission.zip');
    for (const edition of editions) bytes[`${example} ${edition}`] = readFileSync(join(out, `report-2024-${edition}.pdf`));
    return {
      submission: await readPdf(bytes[`${example} submission`]!),
      public: await readPdf(bytes[`${example} public`]!),
    };
  };
  const [ippan, soden] = await Promise.all([read('ippan-15'), read('soden-13')]);
  built = { ippan, soden };
}, 60_000);

describe("each filer type's own words", () => {
  // what only a 一般送配電事業者 does (託送供給) and what only a 送電事業者 does (振替供給)
  const generalOnly = ['託送供給', '一般送配電事業者（', '第33条の15', '第三十三条の十五'];
  const transmissionOnly = ['振替供給部門', '送電事業者（振替供給の業務）', '第44条の13', '第四十四条の十三'];

  it.each(editions)("a 送電事業者's PDF (%s) uses its words throughout, a 一般送配電事業者's PDF its own", (edition) => {
    const soden = built.soden[edition].compact;
    for (const word of generalOnly) expect(soden, word).not.toContain(word);
    expect(soden).toContain('振替供給部門');
    expect(soden).toContain('送電事業者（振替供給の業務）');
    const ippan = built.ippan[edition].compact;
    for (const word of transmissionOnly) expect(ippan, word).not.toContain(word);
    expect(ippan).toContain('託送供給等部門');
    expect(ippan).toContain('一般送配電事業者（託送供給等業務）');
  });

  it("words a finding, the skeleton and the editor's schemas in the filer type's terms", () => {
    const dir = join(tempDir('taisei-legal-'), 'soden');
    cpSync(join(EXAMPLES, 'soden-13'), dir, { recursive: true });
    const file = join(dir, 'filing.yaml');
    // the monitoring department named as the department that does 振替供給
    writeFileSync(file, readFileSync(file, 'utf8').replace(/(monitoringDepartment:\n\s+name:) 内部監査室/, '$1 系統運用部'));
    const ja = runCli(['validate', dir, '--lang', 'ja']);
    expect(ja.status).toBe(1);
    expect(ja.stderr + ja.stdout).toContain('監視部門（系統運用部）が振替供給部門と同じです');
    expect(ja.stderr + ja.stdout).not.toContain('託送');
    const skeleton = join(tempDir('taisei-legal-'), 'new');
    expect(runCli(['init', skeleton, '-p', 'soden-13']).status).toBe(0);
    const texts = readdirSync(skeleton, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'));
    const all = texts.join('\n');
    expect(all).not.toMatch(/託送供給|第33条の15/);
    expect(all).toContain('振替供給部門');
    // a 一般送配電事業者's skeleton keeps its own
    const general = join(tempDir('taisei-legal-'), 'general');
    expect(runCli(['init', general, '-p', 'ippan-15']).status).toBe(0);
    expect(readFileSync(join(general, '.schemas', '4', 'section.bundle.schema.json'), 'utf8')).toContain('託送供給等部門');
  });

  // The provisions each filer type's article has: a 送電事業者's 第44条の13 has fifteen items; a
  // 一般送配電事業者's 第33条の15, twenty. A citation of the other article, or of an item its own
  // does not have, is another filer type's number.
  const foreign: Record<string, RegExp> = {
    transmission: /第?33条の1[56]|三十三条の十[五六]|（第(?:1[6-9]|2[0-9])号）/,
    'general-td': /第?44条の1[34]|四十四条の十[三四]/,
  };

  it('prints only the provision numbers of its own article, in every profile and edition', async () => {
    const { allProfiles } = await import('../src/profiles/index.js');
    const texts: Record<string, string[]> = {
      'ippan-15': editions.map((e) => built.ippan[e].compact),
      'soden-13': editions.map((e) => built.soden[e].compact),
    };
    for (const profile of allProfiles().filter((p) => !texts[p.id])) {
      // a profile without an example of its own: the example of its filer type, under its name
      const dir = tempDir('taisei-legal-');
      const example = profile.filerType === 'transmission' ? 'soden-13' : 'ippan-15';
      cpSync(join(EXAMPLES, example), dir, { recursive: true });
      const header = join(dir, 'filing.yaml');
      writeFileSync(header, readFileSync(header, 'utf8').replace(/^profile: .*$/m, `profile: ${profile.id}`));
      const out = tempDir('taisei-legal-');
      const run = runCli(['build', dir, '--out', out]);
      expect(run.status, run.stderr).toBe(0);
      texts[profile.id] = [(await readPdf(readFileSync(join(out, 'report-2024-submission.pdf')))).compact];
    }
    for (const profile of allProfiles())
      for (const text of texts[profile.id]!) {
        expect(text.match(foreign[profile.filerType]!)?.[0], profile.id).toBeUndefined();
        // the monitoring kinds cite the profile's own items
        for (const label of Object.values(profile.labels?.['monitoring/activities/kind'] ?? {})) expect(text, profile.id).toContain(label);
      }
  });

  it("takes every choice that cites a provision from the profile, never from the model's label", async () => {
    const { allProfiles } = await import('../src/profiles/index.js');
    const { filingSchema } = await import('../src/model/generated/schema-bundle.js');
    const { CURRENT_SCHEMA_VERSION } = await import('../src/model/generated/schemas.js');
    // every enum of the current schema whose labels cite an item (第17号), by the path of its value
    const citing: string[] = [];
    const walk = (node: unknown, path: string[], seen: Set<unknown>) => {
      if (typeof node !== 'object' || node === null || seen.has(node)) return;
      seen.add(node);
      const n = node as { enumDescriptions?: string[]; properties?: Record<string, unknown>; items?: unknown; $ref?: string };
      if (n.enumDescriptions?.some((d) => /第[0-9０-９一二三四五六七八九十]+号/.test(d))) citing.push(path.join('/'));
      for (const [key, child] of Object.entries(n.properties ?? {})) walk(child, [...path, key], seen);
      if (n.items) walk(n.items, path, seen);
      if (n.$ref?.startsWith('#/'))
        walk(
          n.$ref
            .slice(2)
            .split('/')
            .reduce((o: any, k) => o?.[k], root),
          path,
          new Set(seen),
        ); // eslint-disable-line @typescript-eslint/no-explicit-any
    };
    const root = filingSchema(CURRENT_SCHEMA_VERSION);
    walk(root, [], new Set());
    expect(citing).toContain('monitoring/activities/kind');
    for (const profile of allProfiles()) for (const path of citing) expect(profile.labels?.[path], `${profile.id}: ${path}`).toBeDefined();
  });

  it('has every provision a rule applies in every profile', async () => {
    const { RULES } = await import('../src/rules/registry.js');
    const { allProfiles } = await import('../src/profiles/index.js');
    for (const rule of RULES.filter((r) => r.provision))
      for (const profile of allProfiles()) expect(profile.provisions[rule.provision!], `${profile.id} ${rule.id}`).toBeTruthy();
  });

  it("cites a rule's basis in the profile's legal text", () => {
    const soden = runCli(['rules', 'explain', 'retention/five-years', '--profile', 'soden-13', '--lang', 'ja']);
    expect(soden.status).toBe(0);
    expect(soden.stdout).toContain('根拠: 施行規則第44条の13第2項');
    expect(soden.stdout).toContain('（施行規則第44条の13第2項）');
    expect(soden.stdout).not.toContain('第33条');
    const all = runCli(['rules', 'explain', 'retention/five-years', '--lang', 'en']);
    expect(all.stdout).toMatch(/ippan-15: 施行規則第33条の15第2項; soden-13: 施行規則第44条の13第2項/);
    const list = runCli(['rules', 'list', '--format', 'json', '--profile', 'soden-13']);
    const rules = JSON.parse(list.stdout) as { id: string; basis: string }[];
    expect(rules.find((r) => r.id === 'corrections/finding-has-correction')?.basis).toBe('施行規則第44条の14第9号・第11号・第12号');
    expect(rules.filter((r) => /第33条/.test(r.basis))).toEqual([]);
  });
});

describe('the form and the attached document', () => {
  it.each(editions)('names the form with its article, and says under 別紙 which article 前条 is (%s)', (edition) => {
    const ippan = built.ippan[edition];
    const soden = built.soden[edition];
    expect(ippan.pages[0]!.replace(/\s+/g, '')).toContain('様式第二十六の三（第三十三条の十六関係）');
    expect(soden.pages[0]!.replace(/\s+/g, '')).toContain('様式第二十六の三（第四十四条の十四関係）');
    expect(ippan.compact).toContain('この別紙の各事項の「前条」は、電気事業法施行規則第三十三条の十五をいう。');
    expect(soden.compact).toContain('この別紙の各事項の「前条」は、電気事業法施行規則第四十四条の十三をいう。');
    // the item titles keep the statute's 前条 verbatim
    expect(soden.compact).toContain('一前条第一号の規定により区分した室の配置');
  });
});

describe('attachments, numbered 別添', () => {
  it.each(editions)('numbers them in 添付資料一覧 and refers to them by number where a section points at one (%s)', (edition) => {
    const text = built.ippan[edition].compact;
    expect(text).toContain('別添1本店ビル8階平面図平面図attachments/floor-hq-08.pdf');
    expect(text).toContain('別添4非公開情報管理規程（全文）規程attachments/rule-101.pdf');
    // the rule points at its full text by number; the public edition keeps the list's numbers
    const pages = built.ippan[edition].pages.map((p) => p.replace(/\s+/g, ''));
    const rulesPage = pages.find((p) => p.includes('四前条第一項第五号の規定により作成した規程') && !p.includes('目次'))!;
    expect(rulesPage).toMatch(/非公開情報管理規程[^]*別添4/);
    if (edition === 'submission') expect(pages.find((p) => p.includes('託送サービス部'))).toMatch(/別添1[^]*別添2/);
  });

  it('keeps each attachment once under attachments/ in the bundle, and still reads a bundle of format 1', () => {
    const zip = readFileSync(ippanBundle);
    const entries = readDirectory(zip).map((e) => ({ name: e.name, data: readEntry(zip, e) }));
    const names = entries.map((e) => e.name).filter((n) => n.startsWith('attachments/'));
    expect(names.sort()).toEqual([
      'attachments/floor-dispatch-03.pdf',
      'attachments/floor-hq-08.pdf',
      'attachments/floor-hq-09.pdf',
      'attachments/rule-101.pdf',
    ]);
    // a bundle written by format 1 held attachments/attachments/…: verify still finds them there
    const manifest = entries.find((e) => e.name === 'manifest.json')!;
    const parsed = JSON.parse(manifest.data.toString('utf8'));
    const legacy = (formatVersion: number) => {
      parsed.formatVersion = formatVersion;
      for (const f of parsed.files) if (f.path.startsWith('attachments/')) f.path = `attachments/${f.path}`;
      const renamed = entries.map((e) =>
        e.name === 'manifest.json'
          ? { name: e.name, data: Buffer.from(JSON.stringify(parsed)) }
          : { name: e.name.startsWith('attachments/') ? `attachments/${e.name}` : e.name, data: e.data },
      );
      for (const f of parsed.files) f.path = f.path.replace(/^attachments\/attachments\//, 'attachments/');
      const path = join(tempDir('taisei-legal-'), `format-${formatVersion}.zip`);
      writeFileSync(path, writeZip(renamed));
      return path;
    };
    const old = runCli(['verify', legacy(1)]);
    expect(old.stdout + old.stderr).not.toContain('references/resolve');
    expect(old.status, old.stdout).toBe(0);
    // the same layout claimed as format 2 misses every attachment
    const wrong = runCli(['verify', legacy(2)]);
    expect(wrong.status).toBe(1);
    expect(wrong.stdout).toContain('attachments/floor-hq-08.pdf');
  });
});

describe("item 九's 概要 of the transactions", () => {
  const records = () =>
    (parse(readFileSync(join(EXAMPLES, 'ippan-15', 'transactions.yaml'), 'utf8')) as { transactions: { records: Record<string, any>[] } })
      .transactions.records;

  it.each(editions)(
    'counts the records by kind, channel, quarter and subject, prints the notable ones, and lists all in an annex (%s)',
    (edition) => {
      const text = built.ippan[edition].compact;
      const all = records();
      const count = (pred: (r: Record<string, any>) => boolean) => all.filter(pred).length;
      const retail = count((r) => r.counterparty.kind === 'retailer');
      const retailRelated = count((r) => r.counterparty.kind === 'retailer' && r.counterparty.related === true);
      const related = count((r) => r.counterparty.related === true);
      expect(text).toContain(`事業の種類別の件数事業の種類件数うち特定関係事業者小売電気事業者${retail}${retailRelated}`);
      expect(text).toContain(`合計${all.length}${related}`);
      const firstQuarter = count((r) => String(r.date) >= '2024-04-01' && String(r.date) <= '2024-06-30');
      expect(text).toContain(`第1四半期（令和6年4月〜令和6年6月）${firstQuarter}`);
      expect(text).toContain(`電子メール${count((r) => r.channel === 'email')}`);
      expect(text).toContain('件名別の件数');
      // the notable records one by one, under their own heading, before the note that points at the annex
      const notable = all.filter((r) => r.notable === true);
      expect(notable.length).toBeGreaterThan(0);
      const start = text.indexOf('九前条第一項第十二号', text.indexOf('別紙電気事業法'));
      const item = text.slice(start, text.indexOf('十前条第一項第十四号', start));
      expect(item).toContain('特記する事例');
      for (const r of notable) expect(item).toContain(r.summary);
      expect(item).not.toContain('TR-0001');
      expect(item).toContain(`記録の全件（${all.length}件）は、別添5に記載した。`);
      // the annex: every record with its id, numbered after the four files, in 添付資料一覧 and the 目次
      expect(text).toContain(`別添5　取引及び連絡調整の経緯等の記録（全${all.length}件）`.replace(/\s/g, ''));
      expect(text).toContain(`別添5取引及び連絡調整の経緯等の記録（全${all.length}件）記録の一覧本書の末尾`);
      for (const id of ['TR-0001', all[all.length - 1]!.id]) expect(text).toContain(id);
    },
  );

  it('leaves the annex out when the configuration says so; the bundle still carries every record', () => {
    const dir = join(tempDir('taisei-legal-'), 'filing');
    cpSync(join(EXAMPLES, 'ippan-15'), dir, { recursive: true });
    writeFileSync(join(dir, 'taisei.config.yaml'), 'recordsAnnex: false\n');
    const out = tempDir('taisei-legal-');
    const run = runCli(['build', dir, '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    return readPdf(readFileSync(join(out, 'report-2024-submission.pdf'))).then((pdf) => {
      const all = records();
      expect(pdf.compact).toContain(`記録の全件（${all.length}件）は、本報告書に埋め込んだ電子データ（filing.json）に収めた。`);
      expect(pdf.compact).not.toContain('取引及び連絡調整の経緯等の記録（全');
      expect(pdf.compact).not.toContain('TR-0001');
      expect(pdf.pages.length).toBeLessThan(built.ippan.submission.pages.length - 3);
      const zip = readFileSync(join(out, 'report-2024-submission.zip'));
      const filing = JSON.parse(
        readEntry(
          zip,
          readDirectory(zip).find((e) => e.name === 'filing.json')!,
        ).toString('utf8'),
      );
      expect(filing.filing.transactions.records).toHaveLength(all.length);
    });
  });
});

describe('justification', () => {
  it('stretches no line by more than a quarter of a character per gap, in either example or edition', async () => {
    for (const [name, pdf] of Object.entries(bytes)) {
      const runs = await characterSpacings(pdf);
      // a run of one character has no gap; a redaction bar is black squares spread to the hidden text's width
      const spread = runs.filter((r) => [...r.text].length > 1 && !/^■+$/.test(r.text) && r.em > 0.25 + 1e-3);
      expect(
        spread.map((r) => `p. ${r.page} ${r.text} ${r.em.toFixed(2)} em`),
        name,
      ).toEqual([]);
      // and justification still happens: most lines of a paragraph are spread a little
      expect(runs.filter((r) => r.em > 0.01).length, name).toBeGreaterThan(50);
    }
  });
});

describe('a public edition that withholds consistently', () => {
  it("withholds a fact everywhere it prints: the room a system's host names is blacked out in the rooms' table too", () => {
    const count = (content: PdfContent) => content.compact.split('託送系サーバ室').length - 1;
    // the submission prints the room in the rooms' table and as the systems' host
    expect(count(built.ippan.submission)).toBeGreaterThanOrEqual(2);
    expect(count(built.ippan.public)).toBe(0);
    expect(built.ippan.public.compact).not.toContain('12階託送系');
  });

  it('withholds a value marked !withhold on every page it would print, its references included', async () => {
    const dir = join(tempDir('taisei-legal-'), 'ippan');
    cpSync(join(EXAMPLES, 'ippan-15'), dir, { recursive: true });
    const systems = join(dir, 'systems.yaml');
    writeFileSync(systems, readFileSync(systems, 'utf8').replace('name: 配電自動化システム', 'name: !withhold 配電自動化システム'));
    const out = tempDir('taisei-legal-');
    const run = runCli(['build', dir, '--out', out, '--edition', 'both']);
    expect(run.status, run.stderr).toBe(0);
    const submission = await readPdf(readFileSync(join(out, 'report-2024-submission.pdf')));
    const published = await readPdf(readFileSync(join(out, 'report-2024-public.pdf')));
    // printed in the systems' table and wherever a log review names its system
    expect(submission.pages.filter((p) => compact(p).includes('配電自動化システム')).length).toBeGreaterThanOrEqual(2);
    expect(published.pages.filter((p) => compact(p).includes('配電自動化システム'))).toEqual([]);
    expect(published.pages).toHaveLength(submission.pages.length);
  }, 60_000);
});

describe('tables that run onto the next page', () => {
  it('repeat their heading marked （続き）, or the running header names what they run on under', async () => {
    for (const [name, pdf] of Object.entries(bytes)) {
      const pages = await textRuns(pdf);
      let marked = 0;
      let captioned = 0;
      let withNotes = 0;
      pages.forEach((runs, i) => {
        // the running header (and the caption under it) stands above the top margin, 64 pt down an
        // A4 page of 841.89 pt; the body begins below it
        const top = 841.89 - 64;
        const line = (y: number) =>
          runs
            .filter((r) => Math.round(r.y) === y)
            .sort((a, b) => a.x - b.x)
            .filter((r) => r.text.trim() !== '');
        const header = runs
          .filter((r) => r.y > top)
          .sort((a, b) => b.y - a.y || a.x - b.x)
          .map((r) => r.text)
          .join('');
        const ys = [...new Set(runs.filter((r) => r.y <= top).map((r) => Math.round(r.y)))].sort((a, b) => b - a);
        const first = ys.length > 0 ? line(ys[0]!) : [];
        // column titles (two or more, in the heading face at their size) open a page only under a
        // running header that names what the table runs on under
        const bare = first.length > 1 && first.every((r) => r.bold && r.size === 8);
        if (bare) {
          expect(header, `${name} p. ${i + 1} opens with ${first.map((r) => r.text).join(' ')}`).toMatch(/（続き[）。]/);
          captioned++;
        } else if (/（続き[）。]/.test(header)) expect.fail(`${name} p. ${i + 1}: （続き） in the running header over no continued table`);
        const opening = first.map((r) => r.text).join('');
        if (/（続き(?:。注は表の末尾)?）$/.test(opening)) marked++;
        // a table whose notes follow it says where they are, on the pages it runs onto
        if (opening.endsWith('（続き。注は表の末尾）') || header.includes('（続き。注は表の末尾）')) withNotes++;
      });
      // (measured: ippan-15 has 4 pages opening with a continued heading and 22 under a caption; soden-13 1 and 3)
      expect(marked, name).toBeGreaterThanOrEqual(name.startsWith('ippan') ? 4 : 1);
      expect(captioned, name).toBeGreaterThanOrEqual(1);
      if (name.startsWith('ippan')) expect(withNotes, name).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('references', () => {
  it('print the ids the document shows (TRN-01), never the lower-case keys that only link entries in the YAML', () => {
    for (const example of [built.ippan, built.soden])
      for (const edition of editions) {
        expect(example[edition].compact).not.toMatch(/\b(?:room|site)-[a-z0-9-]+/);
        expect(example[edition].compact).toMatch(/室(?:■+|[^\s]{2,})/);
      }
    expect(built.soden.submission.compact).toContain('室変換所制御室');
  });
});

describe('目次', () => {
  it('gives every entry a continuous row of leaders ending on its last line, where its page number stands', async () => {
    const { textRuns } = await import('./pdf-helpers.js');
    for (const [name, entries] of [
      ['ippan-15 submission', 18],
      ['soden-13 submission', 16],
    ] as const) {
      const page = (await textRuns(bytes[name]!))[1]!;
      const leaders = page.filter((r) => /…{2,}$/.test(r.text));
      expect(leaders.length, name).toBe(entries);
      const numbers = page.filter((r) => /^\d+$/.test(r.text) && r.x > 480);
      for (const leader of leaders) {
        // the page number on the leaders' line, right after them
        const number = numbers.find((n) => Math.abs(n.y - leader.y) < 0.5);
        expect(number, `${name}: a page number beside the leaders at y ${leader.y}`).toBeDefined();
        expect(number!.x - leader.right).toBeLessThan(40);
      }
      // dots nudged together or apart by a little at most: one row, not spaced dots
      const spaced = (await characterSpacings(bytes[name]!)).filter((r) => r.page === 2 && /^…+$/.test(r.text));
      for (const r of spaced) expect(Math.abs(r.em), name).toBeLessThanOrEqual(0.25);
    }
  });
});

describe("the public edition's notice", () => {
  it('says exactly what this edition withholds: the kinds of value blacked out, and the attachments left out', () => {
    const notice = (pdf: PdfContent) => /公表版：[^。]*。/.exec(pdf.pages[0]!.replace(/\s+/g, ''))?.[0];
    const soden = notice(built.soden.public)!;
    // a 送電事業者 whose filing has no floor plan: nothing is said to be left out
    expect(soden).toContain('氏名');
    expect(soden).not.toContain('添付していません');
    expect(soden).not.toContain('設置場所');
    const ippan = notice(built.ippan.public)!;
    expect(ippan).toMatch(/平面図\d+点は添付していません/);
    // fields of a list's entries named with the entries' title, the server room's floor and name among them
    expect(ippan).toContain('室の入退室の管理・平面図・階・室名');
    expect(ippan).toContain('システムの設置場所・構成');
    // the submission says nothing of the kind
    expect(built.ippan.submission.pages[0]).not.toContain('公表版：');
  });
});
