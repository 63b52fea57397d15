// trainings/coverage: its valid and invalid cases (tests/rule-tester.ts).
import { rule } from '../../src/rules/trainings-coverage.js';
import { ruleTester, type Data } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'a rule no longer in force',
      patch: (d) => {
        d.trainings.forEach((t: Data) => (t.rules = t.rules.filter((r: string) => r !== 'RULE-01')));
        d.rules[0].inForce = false;
      },
    },
    { name: 'no trainings section (items/required-sections says so)', patch: (d) => delete d.trainings },
  ],
  invalid: [
    {
      name: 'a rule no training covers',
      patch: (d) => d.trainings.forEach((t: Data) => (t.rules = t.rules.filter((r: string) => r !== 'RULE-01'))),
      expect: [['ruleUntaught', '/rules/0/id']],
    },
    {
      name: 'no officers trained',
      patch: (d) => d.trainings.forEach((t: Data) => (t.audience = ['employees'])),
      expect: [['noOfficers', '/trainings']],
    },
    {
      name: 'no staff trained',
      patch: (d) => d.trainings.forEach((t: Data) => (t.audience = ['directors'])),
      expect: [['noStaff', '/trainings']],
    },
  ],
});
