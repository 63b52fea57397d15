// assessment/recurrence-evidenced: its valid and invalid cases (tests/rule-tester.ts).
import { rule } from '../../src/rules/assessment-recurrence-evidenced.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'a measure that does not recur is not asked for evidence in each period',
      patch: (d) => {
        delete d.improvementPlan[0].recurrence;
        delete d.improvementPlan[0].evidence;
      },
    },
  ],
  invalid: [
    {
      name: 'a half-yearly measure shown in one half only',
      patch: (d) => (d.improvementPlan[0].evidence = ['logReviews/LR-001']),
      expect: [['missed', '/improvementPlan/0/recurrence']],
    },
    {
      name: 'a recurring measure with no evidence',
      patch: (d) => delete d.improvementPlan[0].evidence,
      expect: [['noEvidence', '/improvementPlan/0/recurrence']],
    },
  ],
});
