// systems/separation-target: its valid and invalid cases (tests/rule-tester.ts).
import { rule } from '../../src/rules/systems-separation-target.js';
import { ruleTester, system } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    {
      name: 'a target on the last day of the three years',
      patch: (d) => (system(d, 'SYS-22').sharing.separationPlan.targetDate = '2026-04-17'),
    },
    {
      name: 'a target after the three years, set by a revision that states why',
      patch: (d) => {
        const plan = system(d, 'SYS-22').sharing.separationPlan;
        plan.targetDate = '2027-03-31';
        plan.revisions = [{ date: '2024-09-30', target: '2027-03-31', reason: '新サーバの調達が遅れたため。' }];
      },
    },
    {
      name: 'a 送電事業者',
      profile: 'soden-13',
      patch: (d) => (system(d, 'SYS-22').sharing.separationPlan.targetDate = '2030-03-31'),
    },
  ],
  invalid: [
    {
      name: 'a target after the three years',
      patch: (d) => (system(d, 'SYS-22').sharing.separationPlan.targetDate = '2027-03-31'),
      expect: [['late', '/systems/21/sharing/separationPlan/targetDate']],
    },
    {
      name: 'a target after the three years, the only revision of an earlier target',
      patch: (d) => {
        const plan = system(d, 'SYS-22').sharing.separationPlan;
        plan.targetDate = '2027-03-31';
        plan.revisions = [{ date: '2024-09-30', target: '2026-03-31', reason: '帳票の様式変更に対応するため。' }];
      },
      expect: [['late', '/systems/21/sharing/separationPlan/targetDate']],
    },
    {
      name: 'a target the day after',
      patch: (d) => (system(d, 'SYS-22').sharing.separationPlan.targetDate = '2026-04-18'),
      expect: [['late', '/systems/21/sharing/separationPlan/targetDate']],
    },
  ],
});
