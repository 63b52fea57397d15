// systems/sharing-separation: its valid and invalid cases (tests/rule-tester.ts).
import { rule } from '../../src/rules/systems-sharing-separation.js';
import { ruleTester, system } from '../rule-tester.js';

ruleTester(rule, {
  valid: [{ name: 'a 送電事業者, which may share', profile: 'soden-13', patch: (d) => (system(d, 'SYS-22').sharing.level = 'software') }],
  invalid: [
    {
      name: 'sharing at the database level',
      patch: (d) => (system(d, 'SYS-22').sharing.level = 'software'),
      expect: [['software', '/systems/21/sharing/level']],
    },
    {
      name: 'sharing with no separation plan',
      patch: (d) => delete system(d, 'SYS-22').sharing.separationPlan,
      expect: [['noPlan', '/systems/21/sharing/level']],
    },
    {
      name: 'interim measures missing',
      patch: (d) => (system(d, 'SYS-22').sharing.interimMeasures = ['personal-ids']),
      expect: [['interim', '/systems/21/sharing/level']],
    },
  ],
});
