// dates/within-fiscal-year: its valid and invalid cases (tests/rule-tester.ts).
import { rule } from '../../src/rules/dates-within-fiscal-year.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [{ name: 'a date earlier by nature (a rule established years ago)', patch: (d) => (d.rules[0].established = '2001-04-01') }],
  invalid: [
    {
      name: 'a date after the year',
      patch: (d) => (d.logReviews[0].reviewed = '2025-04-01'),
      expect: [['after', '/logReviews/0/reviewed']],
    },
    {
      name: 'one date of a list before the year',
      patch: (d) => (d.trainings[0].dates[1] = '2024-03-31'),
      expect: [['before', '/trainings/0/dates/1']],
    },
    {
      name: 'the end of a period',
      patch: (d) => (d.compliance.activities[0].period.to = '2025-04-30'),
      expect: [['after', '/compliance/activities/0/period/to']],
    },
    {
      name: 'the start of a disaster response (its end is not checked)',
      patch: (d) => Object.assign(d.disasterResponses[0].response, { from: '2024-03-30', to: '2025-04-10' }),
      expect: [['before', '/disasterResponses/0/response/from']],
    },
  ],
});
