// Line composition with the shipped faces' real widths: 禁則, what must not split, justification,
// the redaction bar that breaks as its text would, and the line count against plain character
// breaking with 禁則 over every cell of both examples.
import { describe, expect, it } from 'vitest';
import { EXAMPLES } from './helpers.js';
import { join } from 'node:path';
import {
  Composer,
  KEEP_CLOSE,
  KEEP_OPEN,
  MAX_STRETCH,
  NO_LINE_END,
  NO_LINE_START,
  barToken,
  keep,
  type Inline,
} from '../src/render/compose.js';
import { composerFaces, defaultFonts } from '../src/render/fonts.js';

const composer = new Composer(composerFaces(defaultFonts()));
const size = 9;

/** The lines of a composed text, as strings. */
function lines(text: string, width: number, options = {}): string[] {
  return composer.composeLines(text, width, size, options).map((line) => line.map((r) => r.text).join(''));
}

/** The width pdfmake gives a line's runs: natural width plus the spacing between its characters. */
function drawnWidth(line: Inline[]): number {
  let total = 0;
  for (const run of line) {
    const fontSize = run.fontSize ?? size;
    const natural = composer.extent(run.text.replace(/■/g, '■'), fontSize, 'Serif').max;
    total += natural + (run.characterSpacing ?? 0) * Math.max(0, run.text.length - 1);
  }
  return total;
}

/**
 * A line but a paragraph's last, as 両端揃え sets it: spread to the width by at most MAX_STRETCH ems
 * per gap, or, where that would take more, set flush left without any spacing.
 */
function expectJustified(line: Inline[], width: number, fontSize: number, what: string): void {
  const gaps = line.reduce((n, r) => n + Math.max(0, r.text.length - 1), 0);
  const spacings = line.filter((r) => r.text.length > 1 && !r.text.startsWith('■')).map((r) => r.characterSpacing ?? 0);
  for (const spacing of spacings) expect(spacing, what).toBeLessThanOrEqual(MAX_STRETCH * fontSize + 1e-6);
  const flushLeft = spacings.every((x) => x === 0);
  const natural = drawnWidth(line.map((r) => ({ ...r, characterSpacing: 0, fontSize: r.fontSize ?? fontSize })));
  if (flushLeft && gaps > 0 && width - natural > 0.5)
    expect((width - 0.01 - natural) / gaps, `flush left only when too loose: ${what}`).toBeGreaterThan(MAX_STRETCH * fontSize);
  else expect(Math.abs(drawnWidth(line.map((r) => ({ ...r, fontSize: r.fontSize ?? fontSize }))) - width), what).toBeLessThan(0.5);
}

const samples = [
  '接続検討の申込みに対し、連系可能容量と工事概算額を回答した。',
  '10,000件の記録（2024年度）を5年間保存する。「非公開情報」は、特定関係事業者に提供しない！',
  'SYS-01のアクセス記録を確認した。ッァーゝ々、。）」』】',
  'データベース（DB）のサーバを共用している。1.5%、100％、3か月ごと。令和6年4月2日に確認した。',
  'A'.repeat(50) + 'の後',
  'スマートメーター運用管理システムのアクセスログを、令和7年3月31日までに分析した。',
];

let seed = 7;
const random = () => (seed = (seed * 48271) % 0x7fffffff) / 0x7fffffff;
const alphabet = [...'あいうえおかきくけこ漢字東雲電力送配電アイウエオッャー、。，．）」』】（「『【0123456789年月日件ABC ・'];
const generated = Array.from({ length: 300 }, () =>
  Array.from({ length: 5 + Math.floor(random() * 60) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''),
);

describe('line composition', () => {
  it('gives the text back, in order, whatever the width', () => {
    for (const text of [...samples, ...generated])
      for (const width of [40, 73, 120, 300]) expect(lines(text, width).join('').replace(/ /g, ''), text).toBe(text.replace(/ /g, ''));
  });

  it('never starts a line with a character that may not begin one, nor ends one with an opening bracket', () => {
    // (where a run of such characters is wider than the line itself, no break can keep the rule)
    for (const text of [...samples.filter((t) => !t.includes('ッァー')), ...generated])
      for (const width of [55, 73, 120, 300]) {
        const ls = lines(text, width);
        ls.forEach((line, i) => {
          if (i > 0) expect(NO_LINE_START.test(line[0] ?? ''), `${JSON.stringify(ls)} at ${width}`).toBe(false);
          if (i < ls.length - 1) expect(NO_LINE_END.test(line[line.length - 1] ?? ''), `${JSON.stringify(ls)} at ${width}`).toBe(false);
        });
      }
  });

  it('keeps dates, numbers with their units, Latin words and marked labels whole', () => {
    const text = `確認日は令和6年12月17日、対象は10,000件、保存は3か月、SYS-01のログ、判定は${keep('適正でない')}。`;
    for (let width = 40; width <= 200; width += 3) {
      const ls = lines(text, width);
      const joined = ls.join('|');
      for (const whole of ['令和6年12月17日', '10,000件', '3か月', 'SYS-01', '適正でない'].filter(
        (w) => composer.extent(`${w}、`, size).max <= width,
      ))
        expect(
          ls.some((l) => l.includes(whole)),
          `${whole} split at ${width}: ${joined}`,
        ).toBe(true);
    }
  });

  it('justifies every line but a paragraph’s last to the width, within half a point, or sets a too loose one flush left', () => {
    let flushLeft = 0;
    let lines = 0;
    for (const text of [...samples, ...generated.slice(0, 60)])
      for (const width of [55, 90, 150, 330]) {
        const composed = composer.composeLines(text, width, size);
        composed.slice(0, -1).forEach((line) => {
          if (line.map((r) => r.text).join('').length < 2) return;
          lines++;
          if (line.every((r) => !r.characterSpacing)) flushLeft++;
          expectJustified(line, width, size, `${JSON.stringify(line)} at ${width}`);
        });
        // the last line is not stretched
        expect(composed[composed.length - 1]!.every((r) => (r.characterSpacing ?? 0) <= 0)).toBe(true);
      }
    // flush left is the exception, even with columns six characters wide (55 pt) among the widths
    expect(flushLeft / lines).toBeLessThan(0.15);
  });

  it('never splits a legal form, a provision number, a hyphenated code or a Latin-prefixed katakana word that fits', () => {
    const words = [
      '株式会社',
      '合同会社',
      '一般社団法人',
      '第17号',
      '第13号',
      '第二十三条の四',
      '東雲送配-規-101',
      'eラーニング',
      'IDカード',
    ];
    for (const word of words)
      for (const text of [`東雲リニューアブル${word}`, `相手方は北斗ソーラー${word}であり、${word}の件を連絡した。`, `（${word}）`])
        for (let width = 45; width <= 200; width += 7) {
          const printed = lines(text, width);
          // with the brackets 禁則 keeps beside it, the word must fit on a line
          if (composer.extent(`（${word}）`, size).max > width) continue;
          const whole = printed.reduce((n, l) => n + l.split(word).length - 1, 0);
          expect(whole, `${word} in ${JSON.stringify(printed)} at ${width}`).toBe(text.split(word).length - 1);
        }
    // and a sentence in hiragana after a code is not taken into it
    expect(lines('規程は東雲送配-規-101に定める。', 60).join('')).toBe('規程は東雲送配-規-101に定める。');
  });

  it('indents a paragraph by one character and treats a newline as a paragraph break', () => {
    const composed = composer.composeLines('一つ目の段落。\n二つ目の段落。', 300, size, { indent: 1 });
    expect(composed).toHaveLength(2);
    for (const line of composed) expect(line[0]!.text).toBe('\u3000');
  });

  it('draws a character a face lacks from the fallback face', () => {
    const line = composer.composeLines('𠮷田 花子', 300, size)[0]!;
    expect(line.find((r) => r.text === '𠮷')?.font).toBe('Fallback');
  });

  it('marks spans with characters that never print', () => {
    expect(keep('適正')).toBe(`${KEEP_OPEN}適正${KEEP_CLOSE}`);
    const printed = composer
      .composeLines(`判定：${keep('適正')}`, 300, size)[0]!
      .map((r) => r.text)
      .join('');
    expect(printed).toBe('判定：適正');
  });
});

describe('redaction bars', () => {
  it('break exactly where the text they hide would, in every surrounding and width', () => {
    const hidden = [
      '本店ビル 12階 託送系サーバ室',
      '入室は託送サービス部の従業者のIDカードに限る。エレベーターは停止階を制限している。',
      '宮下 健太郎',
      'srv-db01.internal.example',
    ];
    for (const value of hidden)
      for (const around of [
        ['', ''],
        ['設置場所：', ''],
        ['（', '）を参照。'],
        ['氏名', '、役職'],
      ])
        for (let width = 40; width <= 260; width += 11) {
          const plain = lines(`${around[0]}${value}${around[1]}`, width);
          const barred = lines(`${around[0]}${barToken(composer.shape(value, 1))}${around[1]}`, width);
          expect(barred.length, `${value} at ${width}`).toBe(plain.length);
          // same characters per line: each hidden one is one ■
          expect(barred.map((l) => l.length)).toEqual(plain.map((l) => l.length));
        }
  });

  it('fill a line they stand alone on, and are as wide as the text they hide beside other text', () => {
    const token = barToken(composer.shape('宮下 健太郎', 1));
    // alone: the whole line, so that the value's length does not show
    const alone = composer.composeLines(token, 200, size)[0]!;
    expect(alone).toHaveLength(1);
    expect(drawnWidth(alone)).toBeGreaterThan(199);
    // beside a label: the hidden text's width, the label's line as the submission's
    const beside = composer.composeLines(`氏名：${token}`, 200, size)[0]!;
    const bar = beside.filter((r) => r.text.startsWith('■'));
    expect(drawnWidth(bar)).toBeCloseTo(composer.extent('宮下 健太郎', size).max, 0);
  });

  it('carry no character of the value', () => {
    const token = barToken(composer.shape('宮下 健太郎', 1));
    expect(token).not.toMatch(/[宮下健太郎]/);
  });
});

/** Plain character breaking with 禁則 (追い出し) at the same widths: the yardstick. */
function referenceLines(text: string, width: number): number {
  let count = 0;
  for (const paragraph of text.split('\n')) {
    const chars = [...paragraph];
    let used = 0;
    let n = 1;
    chars.forEach((ch, i) => {
      const w = composer.extent(ch, size).max;
      if (used + w > width + 1e-6 && used > 0) {
        // the character that may not start a line takes the one before it along
        n++;
        used = NO_LINE_START.test(ch) && i > 0 ? composer.extent(chars[i - 1]!, size).max : 0;
      }
      used += w;
    });
    count += n;
  }
  return count;
}

describe('lines per cell against character breaking with 禁則', () => {
  it('needs at most 3 % more lines over every table cell of both examples', async () => {
    const { cellTexts } = await import('./compose-cells.js');
    let ours = 0;
    let reference = 0;
    let multi = 0;
    let differ = 0;
    for (const example of ['ippan-15', 'soden-13']) {
      for (const cell of await cellTexts(join(EXAMPLES, example))) {
        const a = composer.composeLines(cell.text, cell.width, cell.fontSize).length;
        const b = referenceLines(cell.text.replace(/[\ue002-\ue005]/g, ''), cell.width * (size / cell.fontSize));
        ours += a;
        reference += b;
        if (a > 1) multi++;
        if (a !== b) differ++;
      }
    }
    // (measured: 4,828 lines either way; 1,337 cells of several lines, 6 of them set differently)
    expect(reference).toBeGreaterThan(1000);
    expect(multi).toBeGreaterThan(500);
    expect(differ).toBeLessThan(multi);
    expect(ours / reference).toBeLessThanOrEqual(1.03);
  });

  it('splits no date or verdict, and justifies every line but the last of each cell, over both examples', async () => {
    const { cellTexts } = await import('./compose-cells.js');
    const { plainText } = await import('../src/render/format.js');
    const date = /(?:令和|平成)(?:元|[0-9]{1,2})年[0-9]{1,2}月[0-9]{1,2}日/g;
    let dates = 0;
    for (const example of ['ippan-15', 'soden-13']) {
      for (const cell of await cellTexts(join(EXAMPLES, example))) {
        const composed = composer.composeLines(cell.text, cell.width, cell.fontSize);
        const printed = composed.map((line) => line.map((r) => r.text).join(''));
        // every date and every marked word (a verdict, a label) that fits the cell is on one line
        const whole = [...plainText(cell.text).matchAll(date)].map((m) => m[0]);
        const marked = [...cell.text.matchAll(/\ue002([^\ue003]*)\ue003/g)].map((m) => m[1]!);
        for (const w of [...whole, ...marked]) {
          if (composer.extent(`${w}、`, cell.fontSize).max > cell.width) continue;
          dates++;
          expect(
            printed.some((l) => l.includes(w)),
            `${w} split in ${JSON.stringify(printed)}`,
          ).toBe(true);
        }
        // justified: every line but each paragraph's last reaches the right edge
        const paragraphs = cell.text.split('\n');
        let at = 0;
        for (const paragraph of paragraphs) {
          const n = composer.composeLines(paragraph, cell.width, cell.fontSize).length;
          for (let i = at; i < at + n - 1; i++) {
            const line = composed[i]!;
            if (line.map((r) => r.text).join('').length < 2) continue;
            expectJustified(line, cell.width, cell.fontSize, JSON.stringify(printed));
          }
          at += n;
        }
      }
    }
    expect(dates).toBeGreaterThan(500);
  });
});

describe('short lines', () => {
  // the characters that count: neither closing punctuation nor space (「る。」 is one)
  const core = (line: string) => [...line.replace(/[、。，．）」』】〕〉》\s\u3000]/g, '')].length;
  const short = (line: string) => core(line) > 0 && core(line) <= 2;

  it('leave no paragraph ending in one or two characters, and no header line of one or two, over both examples and editions', async () => {
    const { compositions } = await import('./compose-cells.js');
    let paragraphs = 0;
    let headers = 0;
    for (const example of ['ippan-15', 'soden-13'])
      for (const edition of ['submission', 'public'] as const)
        for (const call of await compositions(join(EXAMPLES, example), edition))
          for (const lines of call.paragraphs) {
            if (lines.length < 2) continue;
            const what = `${example} ${edition}: ${JSON.stringify(lines)} at ${(call.width / call.fontSize).toFixed(1)} em`;
            if (call.face === 'Sans') {
              headers++;
              // a header or label: no line of its own one or two characters
              for (const line of lines) expect(short(line), what).toBe(false);
            } else {
              paragraphs++;
              expect(short(lines[lines.length - 1]!), what).toBe(false);
            }
          }
    // (measured: 60 of them before, 「進めてい / る。」, 「管理システ / ム」, 「規程の名 / 称」)
    expect(paragraphs).toBeGreaterThan(300);
    expect(headers).toBeGreaterThan(20);
  });

  it('take words from the lines above, never adding a line, and set a line flush left rather than stretch it', () => {
    // greedy filling leaves 「る。」 alone; breaking again gives it a word from each line above
    const text = 'コンプライアンス委員会と内部監査室が業務執行部門をけん制している。';
    const printed = lines(text, 147.34);
    expect(printed).toHaveLength(3);
    expect(core(printed[2]!)).toBeGreaterThan(2);
    expect(printed.join('')).toBe(text);
    // too narrow to justify the first line once it gives 「テ」: set flush left instead of leaving 「ム」
    const composed = composer.composeLines('配電工事受付システム', 9.4 * size, size);
    const narrow = composed.map((l) => l.map((r) => r.text).join(''));
    expect(narrow).toHaveLength(2);
    expect(short(narrow[1]!)).toBe(false);
    expect(composed[0]!.every((r) => (r.characterSpacing ?? 0) === 0)).toBe(true);
    // a header is never left with one character: 「規程の名称」 needs a column of five
    expect(lines('規程の名称', 5 * size, { face: 'Sans', justify: false })).toEqual(['規程の名称']);
    expect(lines('講じた措置の内容／措置を講じなかった理由', 11.6 * size, { face: 'Sans', justify: false }).every((l) => !short(l))).toBe(
      true,
    );
  });
});
