// The value formatter and the column widths, without pdfmake: what a cell will say, and how wide.
import { describe, expect, it } from 'vitest';
import { currentSchemaIndex } from '../src/model/current-schema.js';
import { Withheld } from '../src/model/withheld.js';
import { KEEP_CLOSE, KEEP_OPEN } from '../src/render/compose.js';
import { Formatter, fiscalYearLabel, folded, plainText } from '../src/render/format.js';
import { allocate } from '../src/render/tables.js';

const words = {
  text: (name: string, data: Record<string, unknown> = {}) =>
    name === 'period' ? `${data.from}〜${data.to}` : name === 'fiscal-year' ? `${data.era}${data.year}年度` : `[${name}]`,
};
const schema = currentSchemaIndex();
const data = { systems: [{ id: 'SYS-01', name: '託送業務システム' }], relatedCompanies: [{ id: 'rc', name: '東雲電力株式会社' }] };
const formatter = new Formatter(schema, words, data);
// what a cell says, without the marks that keep a date or a label whole on a line
const f = {
  format: (...a: Parameters<Formatter['format']>) => plainText(formatter.format(...a)),
  fieldText: (...a: Parameters<Formatter['fieldText']>) => plainText(formatter.fieldText(...a)),
  titleOfPath: (p: string) => formatter.titleOfPath(p),
  changeValue: (p: string, v: unknown) => formatter.changeValue(p, v),
};

describe('the value formatter', () => {
  it('prints dates in 和暦, enum values by their labels, booleans and withheld values in the template words', () => {
    expect(f.format('2024-04-01', schema.at(['logReviews', '0', 'reviewed']))).toBe('令和6年4月1日');
    expect(f.format('2019-05-01', schema.at(['logReviews', '0', 'reviewed']))).toBe('令和元年5月1日');
    expect(f.format('software', schema.at(['systems', '0', 'sharing', 'level']))).toBe('ソフトウェア（データベース）を共用');
    expect(f.format(true, schema.at(['systems', '0', 'holdsNonPublic']))).toBe('[yes]');
    expect(f.format(new Withheld('/x'), schema.at(['filer', 'name']))).toBe('[withheld]');
    // with its shape, a withheld value is a bar as long as the text it hides
    expect(
      f.format(
        new Withheld('/x', {
          key: 1,
          paragraphs: [
            [
              {
                hard: false,
                chars: [
                  [1, 1],
                  [1, 1],
                ],
              },
            ],
          ],
        }),
        undefined,
      ),
    ).toBe('■■');
    expect(f.format(['password', 'two-factor'], schema.at(['systems', '0', 'access', 'authentication']))).toBe('パスワード、二要素認証');
  });

  it('prints a period as its two dates, and a nested object as labelled lines', () => {
    expect(f.format({ from: '2024-04-01', to: '2024-09-30' }, schema.at(['logReviews', '0', 'period']))).toBe(
      '令和6年4月1日〜令和6年9月30日',
    );
    expect(f.format({ location: '本店', configuration: '2台' }, schema.at(['systems', '0', 'host']))).toBe('設置場所：本店\n構成：2台');
  });

  it('shows a reference by the name of what it points at, and a completion rate', () => {
    expect(f.fieldText('SYS-01', undefined, { path: 'system', ref: { list: '/systems', show: 'name' } }, {})).toBe('託送業務システム');
    expect(f.fieldText(['SYS-01', 'SYS-99'], undefined, { path: 'systems', ref: { list: '/systems', show: 'name' } }, {})).toBe(
      '託送業務システム、SYS-99',
    );
    expect(f.fieldText(17, undefined, { path: 'participants', derived: 'completionRate' }, { targeted: 18, participants: 17 })).toBe(
      '17 / 18\n[completion-rate]',
    );
  });

  it('names a path by its schema titles and the fiscal year in its era', () => {
    expect(f.titleOfPath('systems.0.sharing.separationPlan.targetDate')).toBe('共用解消の計画 › 解消の目標日');
    expect(fiscalYearLabel(words, 2024)).toBe('令和6年度');
    expect(f.changeValue('systems.0.purpose', 'あ'.repeat(200))).toHaveLength(119);
  });
});

describe('marks and folding', () => {
  it("marks dates, labels and yes/no to be kept whole on a line, and leaves a filer's text unmarked", () => {
    expect(formatter.format('2024-04-01', schema.at(['logReviews', '0', 'reviewed']))).toBe(`${KEEP_OPEN}令和6年4月1日${KEEP_CLOSE}`);
    expect(formatter.format('software', schema.at(['systems', '0', 'sharing', 'level']))).toBe(
      `${KEEP_OPEN}ソフトウェア（データベース）を共用${KEEP_CLOSE}`,
    );
    expect(formatter.format('自由記述', schema.at(['systems', '0', 'purpose']))).toBe('自由記述');
  });

  it('joins single line breaks as a folded scalar would, and keeps a blank line as a paragraph break', () => {
    expect(folded('本店ビルは\n同じ建物に入居している。\n\n次の段落。\n')).toBe('本店ビルは同じ建物に入居している。\n次の段落。');
    expect(folded('ID card\nreader')).toBe('ID card reader');
    expect(folded('Windows\nサーバ')).toBe('Windowsサーバ');
  });
});

describe('column widths from the content', () => {
  it('give a column all it needs when it fits, and share the rest in proportion to the longest text', () => {
    // a date column (unbreakable, 60 pt) and a long text column
    expect(
      allocate(
        [
          { min: 60, max: 60 },
          { min: 20, max: 900 },
        ],
        400,
      ),
    ).toEqual([60, 340]);
    // everything fits on one line: the spare width is shared in proportion
    const fits = allocate(
      [
        { min: 10, max: 100 },
        { min: 10, max: 100 },
      ],
      400,
    );
    expect(fits).toEqual([200, 200]);
  });

  it('never go below the widest unbreakable run while the runs fit, and shrink in proportion when they do not', () => {
    const widths = allocate(
      [
        { min: 90, max: 95 },
        { min: 10, max: 2000 },
        { min: 10, max: 2000 },
      ],
      300,
    );
    expect(widths[0]).toBeCloseTo(95);
    expect(widths[1]! + widths[2]!).toBeCloseTo(205);
    const squeezed = allocate(
      [
        { min: 200, max: 200 },
        { min: 200, max: 400 },
      ],
      300,
    );
    expect(squeezed).toEqual([150, 150]);
    expect(
      allocate(
        [
          { min: 0, max: 0, fixed: 50 },
          { min: 10, max: 20 },
        ],
        300,
      )[0],
    ).toBe(50);
  });
});
