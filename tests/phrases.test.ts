// Japanese line breaking: 禁則 by construction, numbers with their units, nothing lost.
import { describe, expect, it } from 'vitest';
import { NO_LINE_END, NO_LINE_START, paragraphInlines, phrases, proseInlines } from '../src/render/phrases.js';
import { wareki } from '../src/render/wareki.js';

const samples = [
  '接続検討の申込みに対し、連系可能容量と工事概算額を回答した。',
  '10,000件の記録（2024年度）を5年間保存する。「非公開情報」は、特定関係事業者に提供しない！',
  'SYS-01のアクセス記録を確認した。ッァーゝ々、。）」』】',
  'データベース（DB）のサーバを共用している。1.5%、100％、3か月ごと。',
  'A'.repeat(50) + 'の後',
];

describe('phrases', () => {
  it('give the text back unchanged', () => {
    for (const text of samples)
      expect(
        phrases(text)
          .map((p) => p.text)
          .join(''),
      ).toBe(text);
  });
  it('never start with a character that may not begin a line, never end with one that may not end it', () => {
    let seed = 7;
    const random = () => (seed = (seed * 48271) % 0x7fffffff) / 0x7fffffff;
    const alphabet = [...'あいうえおかきくけこ漢字東雲電力送配電アイウエオッャー、。，．）」』】（「『【0123456789年月日件ABC ・'];
    const generated = Array.from({ length: 300 }, () =>
      Array.from({ length: 5 + Math.floor(random() * 40) }, () => alphabet[Math.floor(random() * alphabet.length)]).join(''),
    );
    for (const text of [...samples, ...generated]) {
      const runs = phrases(text, 1000).map((p) => p.text);
      runs.forEach((run, i) => {
        if (i > 0) expect(NO_LINE_START.test(run[0]!), `${JSON.stringify(text)}: ${JSON.stringify(run)} starts a line`).toBe(false);
        if (i < runs.length - 1) expect(NO_LINE_END.test([...run].pop()!), `${JSON.stringify(run)} ends a line`).toBe(false);
      });
    }
  });
  it('keep numbers with their units, and break between phrases', () => {
    const runs = phrases('10,000件の記録を5年間保存する', 1000).map((p) => p.text);
    expect(runs).toEqual(['10,000件の', '記録を', '5年間保存する']);
    expect(phrases('令和6年12月17日', 1000).map((p) => p.text)).toEqual(['令和6年', '12月', '17日']);
  });
  it('keep a word whole across its prolonged sound marks, small kana and iteration marks', () => {
    expect(phrases('保守用リモート接続基盤のアクセスログ分析', 1000).map((p) => p.text)).toEqual([
      '保守用リモート接続基盤の',
      'アクセスログ分析',
    ]);
    expect(phrases('サービスステーションのショップで人々が', 1000).map((p) => p.text)).toEqual([
      'サービスステーションの',
      'ショップで',
      '人々が',
    ]);
    // after punctuation a phrase still ends
    expect(phrases('整備済み。次に、確認した', 1000).map((p) => p.text)).toEqual(['整備済み。', '次に、', '確認した']);
  });
  it('let a run too wide for its column break inside it, Latin runs anywhere', () => {
    const long = phrases('A'.repeat(50), 10);
    expect(long).toEqual([{ text: 'A'.repeat(50), wordBreak: 'break-all' }]);
    expect(phrases('連系可能容量と工事概算額を', 4)[0]).toEqual({ text: '連系可能容量と' });
  });
  it('keep line breaks as newline runs', () => {
    expect(paragraphInlines('一行目\n二行目').map((p) => p.text)).toEqual(['一行目', '\n', '二行目']);
  });
  it('fill prose lines but hold a number with its unit and the punctuation after it', () => {
    expect(proseInlines('記録を10,000件、5年間保存する。')).toEqual([
      { text: '記録を' },
      { text: '10,000件、', noWrap: true },
      { text: '5年', noWrap: true },
      { text: '間保存する。' },
    ]);
  });
});

describe('和暦', () => {
  it('formats dates in the Japanese era, with 元年', () => {
    expect(wareki('2025-06-20')).toBe('令和7年6月20日');
    expect(wareki('2019-05-01')).toBe('令和元年5月1日');
    expect(wareki('2019-04-30')).toBe('平成31年4月30日');
  });
});
