// The access log of every system holding 非公開情報 was checked in the year, at least as often as the
// system declares (第4号), and unauthorised access a review found has a follow-up.
import { defineRule, type RuleMessages } from './types.js';
import { fiscalYearBounds, holdsNonPublic, list, within } from './util.js';

const PER_YEAR: Record<string, number> = { monthly: 12, quarterly: 4, 'half-yearly': 2, yearly: 1 };

/** The rule's wording, in both languages: a missing or extra key is a type error. */
const messages = {
  en: {
    title: 'Every access log was checked as often as declared, and findings followed up',
    why: "Whether anyone but the specified persons obtained 非公開情報 must be checked periodically ({basis}). Each system declares how often (reviewFrequency); the year's log reviews must show it, and unauthorised access a review found needs a follow-up. Item 三 reports the reviews carried out (実施した) in the year, whatever period they cover: for quarterly reviews of FY2025, the reviews of April–June, July–September and October–December are carried out within FY2025, while January–March 2026 is reviewed in April 2026 and reported in the FY2026 filing; FY2025 reports, in its place, the review of January–March 2025 carried out in April 2025. The count comes out right every year, with no backdating.",
    fix: 'record each review in logReviews (system, reviewed date), or correct reviewFrequency; describe the follow-up of unauthorised access in followUp',
    example: 'logReviews:\n  - id: LR-001\n    system: SYS-01\n    reviewed: 2024-10-23\n    unauthorisedAccess: 0',
    msg: {
      none: "the access log of {system} was not checked in the year (expected {expected}); a review counts in the year it was carried out: last January–March's, carried out in April, counts here, and this January–March's, carried out after March 31, counts next year",
      tooFew:
        "the access log of {system} was checked {done} times in the year, fewer than declared ({expected}); a review counts in the year it was carried out: last January–March's, carried out in April, counts here, and this January–March's, carried out after March 31, counts next year",
      noFollowUp: 'the review found {count} unauthorised access(es) but records no follow-up',
    },
  },
  ja: {
    title: 'アクセス記録を定めた頻度で確認し、不正な入手に対応している',
    why: '特定された者以外が非公開情報を入手していないかを定期的に確認する（{basis}）。システムごとに定めた頻度（reviewFrequency）の確認が当年度の記録になければならず、確認で見つかった不正な入手には対応を記載する。三の事項は、その年度に実施した確認を対象期間にかかわらず報告する。四半期ごとの確認なら、2025年度の申請データには4〜6月・7〜9月・10〜12月分の確認（いずれも2025年度中に実施）と、2025年1〜3月分を2025年4月に確認したものを書き、2026年1〜3月分を2026年4月に確認したものは2026年度の申請データに書く。これで毎年度の回数が合い、日付をさかのぼらせる必要はない。',
    fix: '確認を logReviews に記録するか（system と reviewed）、reviewFrequency を直してください。不正な入手への対応は followUp に書きます',
    example: 'logReviews:\n  - id: LR-001\n    system: SYS-01\n    reviewed: 2024-10-23\n    unauthorisedAccess: 0',
    msg: {
      none: '{system} のアクセス記録が当年度に確認されていません（{expected} 回の予定）。確認は実施した年度に数えます。前年度の1〜3月分を今年4月に確認したものはこの年度に、今年1〜3月分を3月31日より後に確認したものは翌年度に数えます',
      tooFew:
        '{system} のアクセス記録の確認が当年度 {done} 回で、定めた頻度（{expected} 回）に足りません。確認は実施した年度に数えます。前年度の1〜3月分を今年4月に確認したものはこの年度に、今年1〜3月分を3月31日より後に確認したものは翌年度に数えます',
      noFollowUp: '確認で {count} 件の不正な入手が見つかっていますが、対応の記載がありません',
    },
  },
} satisfies RuleMessages;

export const rule = defineRule({
  id: 'log-reviews/frequency',
  messages,
  basis: '施行規則第33条の15第1項第4号',
  provision: 'accessReview',
  severity: 'error',
  check({ data, report }) {
    if (typeof data.fiscalYear !== 'number') return;
    const bounds = fiscalYearBounds(data.fiscalYear);
    const reviews = list(data.logReviews);
    const counts = new Map<string, number>();
    for (const review of reviews) if (within(review.reviewed, bounds)) counts.set(review.system, (counts.get(review.system) ?? 0) + 1);
    list(data.systems).forEach((system, i) => {
      if (!holdsNonPublic(system)) return;
      const expected = PER_YEAR[system.accessLog.reviewFrequency] ?? 1;
      const done = counts.get(system.id) ?? 0;
      if (done < expected) {
        report({
          pointer: `/systems/${i}/accessLog/reviewFrequency`,
          message: done === 0 ? 'none' : 'tooFew',
          args: { system: system.name, done, expected },
        });
      }
    });
    reviews.forEach((review, i) => {
      if (review.unauthorisedAccess > 0 && !review.followUp) {
        report({ pointer: `/logReviews/${i}/unauthorisedAccess`, message: 'noFollowUp', args: { count: review.unauthorisedAccess } });
      }
    });
  },
});
