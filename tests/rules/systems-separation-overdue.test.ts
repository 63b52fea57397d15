// systems/separation-overdue: its valid and invalid cases (tests/rule-tester.ts).
import { rule } from '../../src/rules/systems-separation-overdue.js';
import { ruleTester, system } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'a target on the last day of the fiscal year',
      patch: (d) => (system(d, 'SYS-22').sharing.separationPlan.targetDate = '2025-03-31'),
    },
    {
      name: 'a target passed, the sharing ended',
      patch: (d) => {
        system(d, 'SYS-22').sharing.separationPlan.targetDate = '2024-12-31';
        system(d, 'SYS-22').sharing.level = 'none';
      },
    },
    {
      name: 'a 送電事業者',
      profile: 'soden-13',
      patch: (d) => (system(d, 'SYS-22').sharing.separationPlan.targetDate = '2024-12-31'),
    },
  ],
  invalid: [
    {
      name: 'a target passed within the fiscal year, the system still shared',
      patch: (d) => (system(d, 'SYS-22').sharing.separationPlan.targetDate = '2024-12-31'),
      expect: [['overdue', '/systems/21/sharing/separationPlan/targetDate']],
    },
  ],
});
