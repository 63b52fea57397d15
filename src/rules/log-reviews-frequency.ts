// The access log of every system holding 非公開情報 was checked in the year, at least as often as the
// system declares (第4号), and unauthorised access a review found has a follow-up.
import { defineRule, type RuleMessages } from './types.js';
import { fiscalYearBounds, holdsNonPublic, list, within } from './util.js';

const PER_YEAR: Record<string, number> = { monthly: 12, quarterly: 4, 'half-yearly': 2, yearly: 1 };

/** The rule's wording, in both languages: a missing or extra key is a type error. */
const messages = {
  en: {
    title: 'Every access log was checked as often as declared, and findings followed up',
    why: "Whether anyone but the specified persons obtained 非公開情報 must be checked periodically (第4号). Each system declares how often (reviewFrequency); the year's log reviews must show it, and unauthorised access a review found needs a follow-up.",
    fix: 'record each review in logReviews (system, reviewed date), or correct reviewFrequency; describe the follow-up of unauthorised access in followUp',
    example: 'logReviews:\n  - id: LR-001\n    system: SYS-01\n    reviewed: 2024-10-23\n    unauthorisedAccess: 0',
    msg: {
      none: 'the access log of {system} was not checked in the year (expected {expected})',
      tooFew: 'the access log of {system} was checked {done} times in the year, fewer than declared ({expected})',
      noFollowUp: 'the review found {count} unauthorised access(es) but records no follow-up',
    },
  },
  ja: {
    title: 'アクセス記録を定めた頻度で確認し、不正な入手に対応している',
    why: '特定された者以外が非公開情報を入手していないかを定期的に確認する（第4号）。システムごとに定めた頻度（reviewFrequency）の確認が当年度の記録になければならず、確認で見つかった不正な入手には対応を記載する。',
    fix: '確認を logReviews に記録するか（system と reviewed）、reviewFrequency を直してください。不正な入手への対応は followUp に書きます',
    example: 'logReviews:\n  - id: LR-001\n    system: SYS-01\n    reviewed: 2024-10-23\n    unauthorisedAccess: 0',
    msg: {
      none: '{system} のアクセス記録が当年度に確認されていません（{expected} 回の予定）',
      tooFew: '{system} のアクセス記録の確認が当年度 {done} 回で、定めた頻度（{expected} 回）に足りません',
      noFollowUp: '確認で {count} 件の不正な入手が見つかっていますが、対応の記載がありません',
    },
  },
} satisfies RuleMessages;

export const rule = defineRule({
  id: 'log-reviews/frequency',
  messages,
  basis: '施行規則第33条の15第1項第4号',
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
