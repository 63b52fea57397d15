// assessment/starred-items: its valid and invalid cases (tests/rule-tester.ts).
import { rule } from '../../src/rules/assessment-starred-items.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'a 送電事業者, asked no ★ item',
      patch: (d) => Object.assign(d, { filerType: 'transmission', selfAssessment: undefined }),
    },
    { name: 'a year before the evaluation', patch: (d) => Object.assign(d, { fiscalYear: 2019, selfAssessment: undefined }) },
  ],
  invalid: [
    { name: 'no self-assessment', patch: (d) => delete d.selfAssessment, expect: [['noSection', '']] },
    { name: 'a ★ item not addressed', patch: (d) => delete d.selfAssessment['RA-2'], expect: [['missing', '/selfAssessment']] },
    {
      name: 'a ★ item said not to apply',
      patch: (d) => (d.selfAssessment['IT-2'].status = 'not-applicable'),
      expect: [['notApplicable', '/selfAssessment/IT-2/status']],
    },
  ],
});
