// The access log of every system holding 非公開情報 was checked in the year, at least as often as the
// system declares (第4号), and unauthorised access a review found has a follow-up.
import type { Rule } from './types.js';
import { fiscalYearBounds, holdsNonPublic, list, within } from './util.js';

const PER_YEAR: Record<string, number> = { monthly: 12, quarterly: 4, 'half-yearly': 2, yearly: 1 };

export const rule: Rule = {
  id: 'log-reviews/frequency',
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
        report({ pointer: `/systems/${i}/accessLog/reviewFrequency`, message: done === 0 ? 'none' : 'tooFew', args: { system: system.name, done, expected } });
      }
    });
    reviews.forEach((review, i) => {
      if (review.unauthorisedAccess > 0 && !review.followUp) {
        report({ pointer: `/logReviews/${i}/unauthorisedAccess`, message: 'noFollowUp', args: { count: review.unauthorisedAccess } });
      }
    });
  },
};
