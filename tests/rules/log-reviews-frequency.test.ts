// log-reviews/frequency: its valid and invalid cases (tests/rule-tester.ts).
import { rule } from '../../src/rules/log-reviews-frequency.js';
import { ruleTester, type Data } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'a system that holds no 非公開情報 needs no review',
      patch: (d) => {
        d.systems[0].holdsNonPublic = false;
        d.logReviews = d.logReviews.filter((r: Data) => r.system !== 'SYS-01');
      },
    },
    {
      name: 'unauthorised access with its follow-up',
      patch: (d) => Object.assign(d.logReviews[0], { unauthorisedAccess: 2, followUp: '該当者に聴取し、権限を見直した。' }),
    },
  ],
  invalid: [
    {
      name: 'a system never reviewed',
      patch: (d) => (d.logReviews = d.logReviews.filter((r: Data) => r.system !== 'SYS-01')),
      expect: [['none', '/systems/0/accessLog/reviewFrequency']],
    },
    {
      name: 'a half-yearly system reviewed once',
      patch: (d) => {
        const first = d.logReviews.findIndex((r: Data) => r.system === 'SYS-01');
        d.logReviews = d.logReviews.filter((r: Data, i: number) => r.system !== 'SYS-01' || i === first);
      },
      expect: [['tooFew', '/systems/0/accessLog/reviewFrequency']],
    },
    {
      name: 'reviews dated outside the year do not count',
      patch: (d) => d.logReviews.filter((r: Data) => r.system === 'SYS-01').forEach((r: Data) => (r.reviewed = '2025-05-01')),
      expect: [['none', '/systems/0/accessLog/reviewFrequency']],
    },
    {
      name: 'unauthorised access with no follow-up',
      patch: (d) => Object.assign(d.logReviews[0], { unauthorisedAccess: 2, followUp: undefined }),
      expect: [['noFollowUp', '/logReviews/0/unauthorisedAccess']],
    },
  ],
});
