// items/required-sections: its valid and invalid cases (tests/rule-tester.ts).
import { rule } from '../../src/rules/items-required-sections.js';
import { ruleTester } from '../rule-tester.js';

ruleTester(rule, {
  valid: [
    { name: 'an optional section left out', patch: (d) => delete d.disasterResponses },
    { name: 'a corrective item left out (it prints 該当なし)', patch: (d) => delete d.complianceCorrections },
  ],
  invalid: [{ name: 'an item whose section is left out', patch: (d) => delete d.trainings, expect: [['missing', '']] }],
});
