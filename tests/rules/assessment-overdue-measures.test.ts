// assessment/overdue-measures: its valid and invalid cases (tests/rule-tester.ts).
import { rule } from '../../src/rules/assessment-overdue-measures.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'a measure done, though due earlier',
      patch: (d) => Object.assign(d.improvementPlan[5], { due: '2025-01-31', status: 'done' }),
    },
  ],
  invalid: [
    {
      name: 'a measure past its due date',
      patch: (d) => (d.improvementPlan[5].due = '2025-01-31'),
      expect: [['overdue', '/improvementPlan/5/status']],
    },
  ],
});
