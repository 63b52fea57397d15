// The year's facts are dated within the fiscal year reported (April 1 – March 31). Dates that are by
// nature earlier or later — establishment, appointment, revision, plans and targets, the reviewed
// period of a log review, completion of a correction — are not checked.
import { currentSectionFacts } from '../model/current-schema.js';
import { getAt, toPointer } from '../util/pointer.js';
import { defineRule, type RuleMessages } from './types.js';
import { fiscalYearBounds, list, within } from './util.js';

type Entry = Record<string, unknown>;

/** The rule's wording, in both languages: a missing or extra key is a type error. */
const messages = {
  en: {
    title: "The year's facts are dated within the fiscal year",
    why: 'The report covers one fiscal year (April 1 to March 31). Log reviews, trainings, management activities, transaction records, monitoring and board reports of the year must fall within it; establishment, appointment and revision dates, plans and targets may not.',
    fix: "check the date and fiscalYear; facts of another year belong to that year's report: what was carried out after March 31 goes into next year's filing",
    example: 'fiscalYear: 2024\nlogReviews:\n  - reviewed: 2024-10-23   # between 2024-04-01 and 2025-03-31',
    msg: {
      before: "{date} is before the fiscal year reported ({from} to {to}): it belongs to an earlier year's report",
      after:
        "{date} is after the fiscal year reported ({from} to {to}): what was done after {to} belongs to next year's report, even when it concerns this year — a review of January–March carried out in April is reported there, as last year's was reported here; move the entry to next year's filing (taisei init --from keeps it there)",
    },
  },
  ja: {
    title: '当年度の事実の日付が事業年度内にある',
    why: '報告書は1事業年度（4月1日から3月31日まで）を対象とする。当年度のアクセス記録の確認、研修、管理、取引の記録、監視、取締役会への報告はその期間内の日付でなければならない。制定日・就任日・改正日、計画や目標の日付は対象外。',
    fix: '日付と fiscalYear を確認してください。別の年度の事実はその年度の報告書に書きます。3月31日より後に行ったことは翌年度の申請データに書きます',
    example: 'fiscalYear: 2024\nlogReviews:\n  - reviewed: 2024-10-23   # 2024-04-01 から 2025-03-31 まで',
    msg: {
      before: '{date} は報告する事業年度（{from}〜{to}）より前です。それより前の年度の報告書に書く事実です',
      after:
        '{date} は報告する事業年度（{from}〜{to}）より後です。{to} より後に行ったことは、この年度に関する内容でも翌年度の報告書に書きます（1〜3月分の確認を4月に行った場合はその確認を翌年度に報告し、前年度の1〜3月分を今年4月に確認したものをこの報告書に書きます）。この記載は翌年度の申請データに移してください（taisei init --from はそのまま残します）',
    },
  },
} satisfies RuleMessages;

export const rule = defineRule({
  id: 'dates/within-fiscal-year',
  messages,
  basis: '施行規則第33条の16（当該事業年度に係る事項）',
  provision: 'reportYear',
  severity: 'error',
  check({ data, report }) {
    if (typeof data.fiscalYear !== 'number') return;
    const bounds = fiscalYearBounds(data.fiscalYear);
    // where the year's dates are: x-taisei-in-year in the schema
    for (const spec of currentSectionFacts().inYear) {
      const entries = list(getAt(data, spec.list) as Entry[] | undefined);
      entries.forEach((entry, i) => {
        const value = getAt(entry, spec.field);
        const dates = Array.isArray(value) ? value.map((d, j) => [d, j] as const) : [[value, undefined] as const];
        for (const [date, j] of dates) {
          if (typeof date === 'string' && !within(date, bounds)) {
            report({
              pointer: toPointer([...spec.list, i, ...spec.field, ...(j === undefined ? [] : [j])]),
              message: date > bounds.to ? 'after' : 'before',
              args: { date, from: bounds.from, to: bounds.to },
            });
          }
        }
      });
    }
  },
});
