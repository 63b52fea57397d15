// systems/target-revised: its valid and invalid cases (tests/rule-tester.ts).
import { rule } from '../../src/rules/systems-target-revised.js';
import { ruleTester, system } from '../rule-tester.js';

const revision = (date: string, target: string) => ({ date, target, reason: '新サーバの調達が遅れたため。' });

ruleTester(rule, {
  valid: [
    {
      name: 'a plan never revised',
      patch: (d) => (system(d, 'SYS-22').sharing.separationPlan.targetDate = '2026-03-31'),
    },
    {
      name: 'a target the last revision set, the revisions out of order',
      patch: (d) => {
        const plan = system(d, 'SYS-22').sharing.separationPlan;
        plan.targetDate = '2026-03-31';
        plan.revisions = [revision('2025-03-10', '2026-03-31'), revision('2024-05-01', '2025-12-31')];
      },
    },
  ],
  invalid: [
    {
      name: 'a target moved past the last revision without a revision of its own',
      patch: (d) => {
        const plan = system(d, 'SYS-22').sharing.separationPlan;
        plan.revisions = [revision('2024-05-01', '2025-06-30')];
      },
      expect: [['moved', '/systems/21/sharing/separationPlan/targetDate']],
    },
  ],
});
