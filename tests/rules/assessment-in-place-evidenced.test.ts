// assessment/in-place-evidenced: its valid and invalid cases (tests/rule-tester.ts).
import { rule } from '../../src/rules/assessment-in-place-evidenced.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'an item only partly in place, with none',
      patch: (d) => Object.assign(d.selfAssessment['CE-1'], { status: 'partly', evidence: [] }),
    },
  ],
  invalid: [
    {
      name: 'an item in place with no evidence',
      patch: (d) => delete d.selfAssessment['CE-1'].evidence,
      expect: [['noEvidence', '/selfAssessment/CE-1/status']],
    },
  ],
});
