// The recurrence notation of improvement-plan measures.
import { describe, expect, it } from 'vitest';
import { missedWindows, parseRecurrence, windowsOf } from '../src/model/recurrence.js';

describe('parseRecurrence', () => {
  it('reads the period words in English and Japanese', () => {
    expect(parseRecurrence('half-yearly')).toEqual({ every: 'half' });
    expect(parseRecurrence(' Yearly ')).toEqual({ every: 'year' });
    expect(parseRecurrence('四半期ごと')).toEqual({ every: 'quarter' });
    expect(parseRecurrence('毎月')).toEqual({ every: 'month' });
  });

  it('reads named months, in fiscal-year order', () => {
    expect(parseRecurrence('every April and October')).toEqual({ months: [4, 10] });
    expect(parseRecurrence('every February and August')).toEqual({ months: [8, 2] });
    expect(parseRecurrence('every April, July, October and January')).toEqual({ months: [4, 7, 10, 1] });
    expect(parseRecurrence('毎年8月・2月')).toEqual({ months: [8, 2] });
    expect(parseRecurrence('毎年4月、10月')).toEqual({ months: [4, 10] });
  });

  it('refuses what it does not know rather than guess', () => {
    for (const text of ['sometimes', 'every Aprl', 'every April and April', '毎年13月', '毎年4月・', 'biweekly', 'every', '']) {
      expect(parseRecurrence(text), text).toBeUndefined();
    }
  });
});

describe('windowsOf and missedWindows', () => {
  it('cuts the fiscal year (April to March) into the windows of the recurrence', () => {
    expect(windowsOf({ every: 'half' }, 2024)).toEqual([
      { from: '2024-04', to: '2024-09' },
      { from: '2024-10', to: '2025-03' },
    ]);
    expect(windowsOf({ every: 'quarter' }, 2024).map((w) => w.from)).toEqual(['2024-04', '2024-07', '2024-10', '2025-01']);
    expect(windowsOf({ every: 'month' }, 2024)).toHaveLength(12);
    expect(windowsOf({ every: 'month' }, 2024).at(-1)).toEqual({ from: '2025-03', to: '2025-03' });
    expect(windowsOf({ every: 'year' }, 2024)).toEqual([{ from: '2024-04', to: '2025-03' }]);
    expect(windowsOf({ months: [8, 2] }, 2024)).toEqual([
      { from: '2024-08', to: '2024-08' },
      { from: '2025-02', to: '2025-02' },
    ]);
  });

  it("names the windows the year's facts leave empty", () => {
    const halfYearly = parseRecurrence('half-yearly')!;
    expect(missedWindows(halfYearly, 2024, ['2024-05-20', '2024-11-02'])).toEqual([]);
    // two reviews in the first half are not one in each half
    expect(missedWindows(halfYearly, 2024, ['2024-05-20', '2024-09-30'])).toEqual([{ from: '2024-10', to: '2025-03' }]);
    const training = parseRecurrence('every August and February')!;
    expect(missedWindows(training, 2024, ['2024-08-07'])).toEqual([{ from: '2025-02', to: '2025-02' }]);
    // a date of another fiscal year counts for nothing
    expect(missedWindows(training, 2024, ['2024-02-10', '2024-08-07'])).toEqual([{ from: '2025-02', to: '2025-02' }]);
    expect(missedWindows(parseRecurrence('yearly')!, 2024, [])).toHaveLength(1);
  });
});

describe('japaneseNotation', () => {
  it('writes any form of a recurrence the way the Japanese notation does', async () => {
    const { japaneseNotation, parseRecurrence } = await import('../src/model/recurrence.js');
    const shown = (text: string) => japaneseNotation(parseRecurrence(text)!);
    expect(['monthly', 'quarterly', 'half-yearly', 'yearly'].map(shown)).toEqual(['毎月', '四半期ごと', '半期ごと', '毎年']);
    expect(shown('every February and August')).toBe('毎年8月・2月');
    expect(shown('毎年4月、10月')).toBe('毎年4月・10月');
  });
});

describe('englishNotation', () => {
  it('writes any form of a recurrence the way the English notation does, and reads back the same', async () => {
    const { englishNotation, parseRecurrence } = await import('../src/model/recurrence.js');
    for (const text of ['monthly', '四半期ごと', '半期ごと', 'yearly', '毎年4月・10月', 'every February, August and November', '毎年8月']) {
      const recurrence = parseRecurrence(text)!;
      expect(parseRecurrence(englishNotation(recurrence)), text).toEqual(recurrence);
    }
    expect(englishNotation(parseRecurrence('毎年4月・10月')!)).toBe('every April and October');
    expect(englishNotation(parseRecurrence('半期ごと')!)).toBe('half-yearly');
  });
});

describe('nearestRecurrence', () => {
  it('offers the recurrence a mistyped text most likely means, and nothing for what is not near one', async () => {
    const { nearestRecurrence } = await import('../src/model/recurrence.js');
    expect(nearestRecurrence('every Aprl and Octber')).toBe('every April and October');
    expect(nearestRecurrence('half yearly')).toBe('half-yearly');
    expect(nearestRecurrence('quartely')).toBe('quarterly');
    expect(nearestRecurrence('fortnightly')).toBeUndefined();
    expect(nearestRecurrence('every blue moon')).toBeUndefined();
  });
});
