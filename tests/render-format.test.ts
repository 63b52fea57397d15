// The value formatter and the column widths, without pdfmake: what a cell will say, and how wide.
import { describe, expect, it } from 'vitest';
import { currentSchemaIndex } from '../src/model/current-schema.js';
import { Withheld } from '../src/model/withheld.js';
import { Formatter, fiscalYearLabel } from '../src/render/format.js';
import { CONTENT_WIDTH } from '../src/render/styles.js';
import { columnWidths } from '../src/render/tables.js';

const words = {
  text: (name: string, data: Record<string, unknown> = {}) =>
    name === 'period' ? `${data.from}〜${data.to}` : name === 'fiscal-year' ? `${data.era}${data.year}年度` : `[${name}]`,
};
const schema = currentSchemaIndex();
const data = { systems: [{ id: 'SYS-01', name: '託送業務システム' }], relatedCompanies: [{ id: 'rc', name: '東雲電力株式会社' }] };
const f = new Formatter(schema, words, data);

describe('the value formatter', () => {
  it('prints dates in 和暦, enum values by their labels, booleans and withheld values in the template words', () => {
    expect(f.format('2024-04-01', schema.at(['logReviews', '0', 'reviewed']))).toBe('令和6年4月1日');
    expect(f.format('2019-05-01', schema.at(['logReviews', '0', 'reviewed']))).toBe('令和元年5月1日');
    expect(f.format('software', schema.at(['systems', '0', 'sharing', 'level']))).toBe('ソフトウェア（データベース）を共用');
    expect(f.format(true, schema.at(['systems', '0', 'holdsNonPublic']))).toBe('[yes]');
    expect(f.format(new Withheld('/x'), schema.at(['filer', 'name']))).toBe('[withheld]');
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

describe('column widths', () => {
  it("give pdfmake's widths and each column's text width from one list", () => {
    const { widths, text } = columnWidths([{ width: 60 }, { width: '*' }, {}]);
    expect(widths).toEqual([60, '*', '*']);
    const star = (CONTENT_WIDTH - 60 - 3 * 9) / 2;
    expect(text).toEqual([52, star - 8, star - 8]);
  });

  it('never squeeze a star column below 40 pt', () => {
    expect(columnWidths([{ width: 440 }, { width: '*' }]).text[1]).toBe(32);
  });
});
