// systems/milestone-overdue: its valid and invalid cases (tests/rule-tester.ts).
import { rule } from '../../src/rules/systems-milestone-overdue.js';
import { ruleTester, system } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'a milestone of the next fiscal year, not done',
      patch: (d) => (system(d, 'SYS-22').sharing.separationPlan.milestones[3].date = '2025-04-01'),
    },
    {
      name: 'a milestone past its date, given its completed date',
      patch: (d) => {
        const milestone = system(d, 'SYS-22').sharing.separationPlan.milestones[3];
        milestone.date = '2025-01-31';
        milestone.completed = '2025-02-14';
      },
    },
    {
      name: 'a milestone past its date of a system no longer shared',
      patch: (d) => {
        system(d, 'SYS-22').sharing.separationPlan.milestones[3].date = '2025-01-31';
        system(d, 'SYS-22').sharing.level = 'none';
      },
    },
  ],
  invalid: [
    {
      name: 'a milestone due within the fiscal year, not done and without a completed date',
      patch: (d) => (system(d, 'SYS-22').sharing.separationPlan.milestones[3].date = '2025-01-31'),
      expect: [['late', '/systems/21/sharing/separationPlan/milestones/3']],
    },
  ],
});
